import { deepFreeze } from './deep-freeze';
import type { RecordedEvent } from './events';
import type { PreparedEvent } from './hash-chain';
import { inMemoryStorageOf } from './in-memory-store';
import type { JsonValue } from './json';

/**
 * Fields of one stored event a forger rewrites in place (those not named stay as stored).
 * `metadata` names keys to set over the stored metadata; a key set to undefined is removed.
 */
export interface StoredEventChange {
  readonly type?: string;
  readonly data?: JsonValue;
  readonly eventId?: string;
  readonly recordedAt?: string;
  readonly metadata?: { readonly [key: string]: JsonValue | undefined };
}

/** The metadata of a stored event after a forger's change (keys set to undefined removed). */
export function changedMetadata(
  stored: object,
  change: StoredEventChange['metadata'],
): { [key: string]: JsonValue } {
  const metadata: { [key: string]: JsonValue | undefined } = { ...stored, ...change };
  for (const key of Object.keys(metadata)) if (metadata[key] === undefined) delete metadata[key];
  return metadata as { [key: string]: JsonValue };
}

/** Direct edits of a store's storage, bypassing the port: how tests play the forger. */
export interface StoreTamperer {
  /** Replaces the data of one stored event, leaving its metadata (and hash) as it was. */
  alterEvent(streamId: string, version: number, newData: JsonValue): Promise<void> | void;
  /** Rewrites stored fields of one event (type, data, event id, recordedAt, metadata keys). */
  rewriteEvent(streamId: string, version: number, change: StoredEventChange): Promise<void> | void;
  /** Deletes one stored event; the others keep their versions. */
  removeEvent(streamId: string, version: number): Promise<void> | void;
  /** Exchanges the places of two events of a stream, so that reading returns them swapped. */
  swapEvents(streamId: string, version1: number, version2: number): Promise<void> | void;
  /**
   * Writes events straight into the storage after the stream's last one, as they are given
   * (hashes, key ids, signatures): a forger with write access who bypasses the store, its
   * checks and its signer.
   */
  appendRaw(streamId: string, events: readonly PreparedEvent[]): Promise<void> | void;
}

/** Test-only: a tampering handle on an in-memory store (not part of the port). */
export function tamperWithInMemoryStore(store: Parameters<typeof inMemoryStorageOf>[0]): StoreTamperer {
  const storage = inMemoryStorageOf(store);
  const locate = (streamId: string, version: number): { stream: RecordedEvent[]; index: number } => {
    const stream = storage.streams.get(streamId) ?? [];
    const index = stream.findIndex((event) => event.version === version);
    if (index < 0) throw new Error(`No event ${streamId}@${version} to tamper with`);
    return { stream, index };
  };
  return {
    alterEvent(streamId, version, newData) {
      const { stream, index } = locate(streamId, version);
      const original = stream[index];
      const altered = deepFreeze({ ...original, data: structuredClone(newData) } as RecordedEvent);
      stream[index] = altered;
      storage.all[storage.all.indexOf(original)] = altered;
    },
    rewriteEvent(streamId, version, change) {
      const { stream, index } = locate(streamId, version);
      const original = stream[index];
      const rewritten = deepFreeze({
        ...original,
        ...(change.type !== undefined ? { type: change.type } : {}),
        ...(change.data !== undefined ? { data: structuredClone(change.data) } : {}),
        ...(change.eventId !== undefined ? { eventId: change.eventId } : {}),
        ...(change.recordedAt !== undefined ? { recordedAt: change.recordedAt } : {}),
        metadata: changedMetadata(original.metadata, structuredClone(change.metadata)),
      } as unknown as RecordedEvent);
      stream[index] = rewritten;
      storage.all[storage.all.indexOf(original)] = rewritten;
    },
    removeEvent(streamId, version) {
      const { stream, index } = locate(streamId, version);
      const [removed] = stream.splice(index, 1);
      storage.all.splice(storage.all.indexOf(removed), 1);
    },
    swapEvents(streamId, version1, version2) {
      const first = locate(streamId, version1);
      const second = locate(streamId, version2);
      const event = first.stream[first.index];
      first.stream[first.index] = second.stream[second.index];
      second.stream[second.index] = event;
    },
    appendRaw(streamId, events) {
      const stream = storage.streams.get(streamId) ?? [];
      storage.streams.set(streamId, stream);
      for (const event of events) {
        const last = storage.all[storage.all.length - 1];
        const recorded = deepFreeze({
          ...structuredClone(event),
          streamId,
          globalPosition: last === undefined ? 1n : last.globalPosition + 1n,
        } as RecordedEvent);
        stream.push(recorded);
        storage.all.push(recorded);
      }
    },
  };
}
