export * from './store-contract';
export * from './store-harness';
export * from './fixtures';
export { tamperWithInMemoryStore, changedMetadata } from '../in-memory-tamper';
export type { StoredEventChange } from '../in-memory-tamper';
export * from './decider-spec';
export * from './blob-store-contract';
export { inMemoryBlobStorageOf } from '../blob-store/in-memory-blob-store';
export { scaledTimeout } from './scaled-timeout';
