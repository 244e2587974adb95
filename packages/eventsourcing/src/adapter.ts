// The adapter authors' door, `@cartes-badges/eventsourcing/adapter`: what a new event store,
// blob store, key store or row-table backend needs to behave exactly like the ones shipped
// (prepare an append on the hash chain, check the expected version, run the read pipeline,
// store row projections). Application code never needs these names: what it calls (stores,
// `handleCommand`, projections, verification, time travel) is at the package root, and the
// adapter's own types (`EventStore`, `RecordedEvent`, `EventStoreOptions`, ...) are there too.
// Keeping the two apart means the root can stay stable while these helpers follow the stores.

// Appending: checks, chain, signature.
export { validateEventsToAppend, checkEventsToAppend, type CheckedEvent } from './validate-events';
export {
  prepareEventsForAppend,
  computeEventHash,
  recomputeHash,
  sha256Hex,
  signedMetadata,
  type PreparedEvent,
  type PrepareAppendInput,
  type AppendMemo,
} from './hash-chain';
export {
  chainFormatOf,
  chainV1Text,
  chainV2Text,
  chainedTextOf,
  metadataText,
  CHAIN_VERSION,
  type ChainFormat,
  type ChainedFields,
  type ChainV2Texts,
  type MetadataFields,
} from './chain-format';
export { eventSignatureMessage, digestSignatureMessage, keyPeriodProblem } from './signing';
export { expectedVersionHolds, inMemoryStorageOf, type InMemoryStorage } from './in-memory-store';

// Reading: decoding, upcasting and filtering as every store does.
export {
  createReadPipeline,
  readAppended,
  withAppendedEvents,
  keepStoredForm,
  type ReadPipeline,
} from './read-pipeline';
export { matchesFilter, streamPrefixes } from './event-filter';
export { checkAppendOptions } from './append-options';
export {
  checkReadStreamOptions,
  checkReadAllOptions,
  checkSubscribeOptions,
  atMostSqlBigint,
} from './read-options';

// Other backends: personal data keys, blobs, row tables, worker leases.
export { checkSubject, isStorableSubject, SUBJECT_KEY_BYTES } from './personal-data';
export {
  contentAddressedBlobStore,
  DEFAULT_BLOB_CHUNK_SIZE,
  blobPathOf,
  isBlobKey,
  type BlobBackend,
  type ContentAddressedOptions,
} from './blob-store';
export {
  foldRowBatch,
  normaliseRow,
  checkRow,
  columnsSignature,
  columnsChangedError,
  ROW_PROJECTION_CHECKPOINTS,
} from './row-projection';
export { currentLease, assertCurrentLeaseIn } from './worker-lease';
