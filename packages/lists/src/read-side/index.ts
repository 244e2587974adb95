export * from './create-read-side';
export * from './create-dossier-application';
