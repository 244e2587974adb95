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
  private readonly heads = new Map<string, StreamHead>();

  constructor(private readonly capacity = 10_000) {}

  get(streamId: string): StreamHead | undefined {
    return this.heads.get(streamId);
  }

  set(streamId: string, head: StreamHead | undefined): void {
    this.heads.delete(streamId);
    if (!head) return;
    this.heads.set(streamId, head);
    if (this.heads.size > this.capacity) {
      const oldest = this.heads.keys().next().value;
      if (oldest !== undefined) this.heads.delete(oldest);
    }
  }
}
