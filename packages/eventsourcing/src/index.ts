// The users' door: what an application calls (stores, `handleCommand`, projections,
// verification, time travel) and the types those take and give. What only a store's author
// needs (chain text, append preparation, read pipeline, ...) is at
// `@cartes-badges/eventsourcing/adapter` (./adapter.ts); a name goes to one door, never both.
export * from './json';
export * from './events';
export * from './store';
export * from './errors';
export * from './decider';
export * from './command';
export * from './storable-text';
export * from './iso-instant';
export * from './canonical-json';
export * from './signature-check';
export {
  checkKeyId,
  ed25519Signer,
  ed25519VerificationKey,
  hmacSigner,
  hmacVerificationKey,
  createKeyring,
  generateEd25519KeyPair,
  type Signer,
  type SignatureAlgorithm,
  type VerificationKey,
  type Keyring,
  type KeyMaterial,
  type KeyValidity,
} from './signing';
export { SYSTEM_ACTOR } from './hash-chain';
export * from './upcasting';
export * from './store-options';
export { MAX_GLOBAL_POSITION } from './read-options';
export { storedFormOf } from './read-pipeline';
export { createInMemoryEventStore } from './in-memory-store';
export * from './paged-read';
export * from './verify';
export * from './digest';
export * from './digest-signature';
export * from './name-based-uuid';
export * from './command-handler';
export * from './no-change-marker';
export * from './aggregate-stream';
export * from './projection';
export * from './projection-target';
export * from './in-memory-projection-target';
export * from './projection-runner';
export * from './supervised-runner';
export * from './retry';
export * from './backoff';
export * from './lease-timings';
export * from './reactor';
export * from './stream-state-cache';
export {
  createInMemoryBlobStore,
  createDirectoryBlobStore,
  collectUnreferencedBlobs,
  BlobIntegrityError,
  type InMemoryBlobStore,
  type BlobContent,
  type StoredBlob,
  type BlobListing,
  type BlobStore,
  type BlobWriter,
  type CollectOptions,
  type CollectResult,
} from './blob-store';
export {
  defineRowProjection,
  rowProjectionRunnable,
  foldRows,
  isRowProjection,
  rowTableOf,
  ROW_COLUMN_TYPES,
  RowProjectionError,
  RowTableNotBuiltError,
  type RowColumnType,
  type ProjectedRow,
  type RowColumn,
  type RowHandlers,
  type RowProjectionSpec,
  type RowProjectionDefinition,
  type RowProjectionTable,
} from './row-projection';
export {
  pauseUnlessAborted,
  pollForLease,
  localLeaseState,
  leasedRunnable,
  createInProcessLeases,
  LeaseLostError,
  type HeldLease,
  type LocalLeaseState,
  type WorkerLeases,
} from './worker-lease';
export * from './logger';
export * from './telemetry';
export {
  PersonalDataErasedError,
  createInMemoryPersonalDataKeys,
  valueAt,
  withValueAt,
  isSealedValue,
  sealValue,
  openSealedValue,
  personalDataKeysOf,
  protectPersonalData,
  ERASED_TEXT,
  type PersonalDataKeys,
  type PersonalFields,
  type SealedValue,
  type PersonalDataProtection,
} from './personal-data';
