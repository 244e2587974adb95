export * from './creation-choices';
export * from './dossier-service';
export * from './load-dossier';
export * from './ports';
export * from './store-options';
export * from './document-download';
export * from './referenced-blobs';
export * from './verify-documents';
