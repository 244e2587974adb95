import { LRUCache } from 'lru-cache';

/** The last event of a stream as an append needs it: its version, its hash, its position. */
export interface StreamHead {
  readonly version: number;
  readonly hash: string;
  readonly position: bigint;
}

/**
 * The heads this store last saw, most recent first out of a bounded map. Only a guess: the
 * append function checks the guess against the stream under its lock and answers with the
 * actual head when it is wrong, so a stale entry costs one round trip, never a wrong write.
 */
export class StreamHeadCache {
  private readonly heads: LRUCache<string, StreamHead>;
  // Streams whose head moved under an append of this store in the last second.
  private readonly contended: LRUCache<string, true>;

  constructor(capacity = 10_000, contendedForMs = 1000) {
    this.heads = new LRUCache({ max: capacity });
    this.contended = new LRUCache({ max: 1000, ttl: contendedForMs });
  }

  /**
   * Whether the stream's head moved under one of this store's appends lately: the next appends
   * then take the stream's lock at once rather than try a head that other writers are
   * bound to move first (a try that costs a statement and a wait for nothing).
   */
  isContended(streamId: string): boolean {
    return this.contended.has(streamId);
  }

  markContended(streamId: string): void {
    this.contended.set(streamId, true);
  }

  get(streamId: string): StreamHead | undefined {
    return this.heads.get(streamId);
  }

  set(streamId: string, head: StreamHead | undefined): void {
    if (head) this.heads.set(streamId, head);
    else this.heads.delete(streamId);
  }
}
