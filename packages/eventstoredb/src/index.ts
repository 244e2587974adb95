export { createEventStoreDBStore, createStoreOnCalls } from './eventstoredb-store';
export type { EventStoreDBStoreOptions } from './store-context';
export { RESERVED_STREAM_PREFIX } from './store-context';
export { eventStoreDbCalls } from './client-calls';
export { createKurrentDBStore, kurrentDbCalls } from './kurrentdb-client';
export type * from './client-port';
export { WrongExpectedRevision } from './client-port';
export { encodePosition, decodePosition } from './positions';
export {
  EventStoreAccessDeniedError,
  EventStoreAppendTooLargeError,
  EventStoreClientUnsupportedError,
  EventStoreNotAuthenticatedError,
  EventStoreStreamDeletedError,
  EventStoreUnavailableError,
  SubscriptionDroppedError,
} from './errors';
export { EventStoreDBCheckpoints, checkpointedTarget } from './checkpoints';
export { createEventStoreDBLeases, LEASE_STREAM_PREFIX } from './leases';
export type { EventStoreDBLeases, EventStoreDBLeasesOptions } from './leases';
