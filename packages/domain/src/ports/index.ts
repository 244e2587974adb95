export * from './address';
export * from './establishment-directory';
export * from './provider-directory';
export * from './file-metadata';
export * from './attachments';
export * from './clock';
export * from './id-generator';
// The blob store port lives with the document checks; re-exported here beside the other ports.
export type { BlobStore, StoredBlob, InMemoryBlobStore } from '../documents/blob-store';
export { createInMemoryBlobStore } from '../documents/blob-store';
