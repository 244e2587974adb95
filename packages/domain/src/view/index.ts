export * from './documents-view';
export * from './dossier-view';
