export * from './sqlite-blob-store';
export { BLOBS_COMPONENT, BLOBS_MIGRATIONS } from './blob-schema';
