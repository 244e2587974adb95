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

  constructor(capacity = 10_000) {
    this.heads = new LRUCache({ max: capacity });
  }

  get(streamId: string): StreamHead | undefined {
    return this.heads.get(streamId);
  }

  set(streamId: string, head: StreamHead | undefined): void {
    if (head) this.heads.set(streamId, head);
    else this.heads.delete(streamId);
  }
}
