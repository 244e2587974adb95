import { backoffDelay, type EventStoreOptions, type Signer } from '@cartes-badges/eventsourcing';
import { type AppendMemo, type ReadPipeline } from '@cartes-badges/eventsourcing/adapter';
import type { ClientCalls, WireRecord } from './client-port';
import type { HeadCache } from './head-cache';
import { LEASE_STREAM_PREFIX } from './leases/lease-stream';

/** Options of `createEventStoreDBStore`, beyond those every store takes. */
export interface EventStoreDBStoreOptions extends EventStoreOptions {
  /**
   * Prefix put before every stream name in the database (e.g. `tenant-a.`), so that several
   * stores (tenants, test runs) share one database without seeing each other's events.
   * The kernel's stream ids never show it. Defaults to none.
   */
  readonly namespace?: string;
  /** Events fetched per read call (default 256): reads are paged, never a whole stream at once. */
  readonly readBatchSize?: number;
  /** How many times an append is tried again after a transient failure (default 2). */
  readonly appendRetries?: number;
  /** How many times a dropped subscription resubscribes before it fails (default 20). */
  readonly resubscribeAttempts?: number;
  /** First delay before a retry, doubled each time up to 2 s (default 50 ms). */
  readonly retryDelayMs?: number;
}

/** Streams the adapter keeps for itself (projection checkpoints): never read as events. */
export const RESERVED_STREAM_PREFIX = '_checkpoint-';

/** What the parts of the store share. */
export interface StoreContext {
  readonly calls: ClientCalls;
  /** The newest event known of each stream, to chain appends without reading the head again. */
  readonly heads: HeadCache;
  readonly pipeline: ReadPipeline;
  /** Kept across appends: the last actor, parsed once from its text, and the last instant. */
  readonly appendMemo: AppendMemo;
  readonly clock: () => Date;
  /** Signs each append (EventStoreOptions.signer). */
  readonly signer?: Signer;
  readonly namespace: string;
  readonly readBatchSize: number;
  readonly appendRetries: number;
  readonly resubscribeAttempts: number;
  readonly retryDelayMs: number;
}

/** The database's name of a kernel stream. */
export function streamNameOf(ctx: StoreContext, streamId: string): string {
  return ctx.namespace + streamId;
}

/**
 * The kernel stream id of a record read from `$all`, or undefined when the record is not one of
 * this store's events: system events (`$` streams or types, which a fresh database already
 * holds), other namespaces, and the adapter's own checkpoint and lease streams.
 */
export function ownStreamIdOf(ctx: StoreContext, record: WireRecord): string | undefined {
  if (record.streamName.startsWith('$') || record.type.startsWith('$')) return undefined;
  if (!record.streamName.startsWith(ctx.namespace)) return undefined;
  const streamId = record.streamName.slice(ctx.namespace.length);
  const reserved = streamId.startsWith(RESERVED_STREAM_PREFIX) || streamId.startsWith(LEASE_STREAM_PREFIX);
  return reserved ? undefined : streamId;
}

/** Waits before retry number `attempt` (0-based): doubling delays with jitter, capped at 2 s. */
export function retryDelay(ctx: StoreContext, attempt: number): Promise<void> {
  const ms = backoffDelay(attempt, { initialDelayMs: ctx.retryDelayMs, maxDelayMs: 2000 });
  return new Promise((resolve) => setTimeout(resolve, ms));
}
