import { LRUCache } from 'lru-cache';
/**
 * What a command handler remembers of a stream it folded: the state at a version, and the
 * command ids of the events up to it (a superset may be kept: an id found there only sends the
 * handler back to a full read, which finds the earlier outcome).
 */
export interface CachedStream<State> {
  readonly state: State;
  readonly version: number;
  readonly commandIds: Set<string>;
}

/**
 * Folded states of recently used streams, so that a command reads and folds only the events
 * after the last state its handler saw instead of the whole stream (stored events never change).
 * The states are shared between commands: the decider's `evolve` must not change the state it
 * is given (the kernel's decider contract). One cache per decider and store.
 */
export interface StreamStateCache<State> {
  get(streamId: string): CachedStream<State> | undefined;
  set(streamId: string, entry: CachedStream<State>): void;
  delete(streamId: string): void;
  readonly size: number;
}

/** Options of `createStreamStateCache`. */
export interface StreamStateCacheOptions {
  /** Streams kept, the least recently used dropped first (default 10,000). */
  readonly maxStreams?: number;
}

const DEFAULT_MAX_STREAMS = 10_000;

/** An in-process cache of folded stream states, bounded, least recently used dropped first. */
export function createStreamStateCache<State>(
  options: StreamStateCacheOptions = {},
): StreamStateCache<State> {
  const maxStreams = options.maxStreams ?? DEFAULT_MAX_STREAMS;
  if (!Number.isInteger(maxStreams) || maxStreams < 1)
    throw new Error(`createStreamStateCache: maxStreams must be a positive integer (got ${maxStreams})`);
  const entries = new LRUCache<string, CachedStream<State>>({ max: maxStreams });
  return {
    get(streamId) {
      return entries.get(streamId);
    },
    set(streamId, entry) {
      // Never go back: a slower command of the same stream may finish after a newer one.
      const current = entries.get(streamId);
      if (current !== undefined && current.version > entry.version) return;
      entries.set(streamId, entry);
    },
    delete(streamId) {
      entries.delete(streamId);
    },
    get size() {
      return entries.size;
    },
  };
}
