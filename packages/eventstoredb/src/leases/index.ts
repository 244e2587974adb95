export { createEventStoreDBLeases } from './eventstoredb-leases';
export type { EventStoreDBLeases, EventStoreDBLeasesOptions } from './eventstoredb-leases';
export { LEASE_STREAM_PREFIX } from './lease-stream';
