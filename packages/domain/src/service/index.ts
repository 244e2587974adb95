export * from './creation-choices';
export * from './dossier-service';
export * from './load-dossier';
export * from './ports';
export * from './store-options';
