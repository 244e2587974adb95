import type { RecordedEvent } from '@cartes-badges/eventsourcing';
import { LRUCache } from 'lru-cache';

/** The newest event the store has seen of a stream: enough to chain the next append onto it. */
export interface KnownHead {
  readonly version: number;
  readonly hash: string;
  readonly eventId: string;
}

/**
 * Remembers, per stream, the newest event this store read or wrote (bounded, oldest forgotten
 * first). The usual write reads the stream, decides, then appends at the version it read: the
 * hash to chain onto is then already known and the append costs one call, as a raw client
 * append would. Stored events never change, so a remembered (version, hash) stays true; the
 * server's expected-revision check still guards every append.
 */
export class HeadCache {
  private readonly heads: LRUCache<string, KnownHead>;

  constructor(capacity = 10_000) {
    this.heads = new LRUCache({ max: capacity });
  }

  get(streamId: string): KnownHead | undefined {
    return this.heads.get(streamId);
  }

  /** Notes an event read or written (stored form), if it is newer than what is known. */
  see(event: RecordedEvent): void {
    const known = this.heads.get(event.streamId);
    if (known && known.version >= event.version) return;
    this.remember(event.streamId, {
      version: event.version,
      hash: event.metadata.hash,
      eventId: event.eventId,
    });
  }

  remember(streamId: string, head: KnownHead): void {
    this.heads.set(streamId, head);
  }

  forget(streamId: string): void {
    this.heads.delete(streamId);
  }
}
