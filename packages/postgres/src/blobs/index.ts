export * from './postgres-blob-store';
