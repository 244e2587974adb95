export * from './blob-store';
export * from './blob-backend';
export * from './content-addressed';
export { createInMemoryBlobStore, type InMemoryBlobStore } from './in-memory-blob-store';
export * from './directory-blob-store';
export * from './collect-unreferenced';
