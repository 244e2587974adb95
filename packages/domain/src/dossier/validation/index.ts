export * from './documents-progress';
export * from './messages';
export * from './tab-status';
export * from './validate-dossier';
