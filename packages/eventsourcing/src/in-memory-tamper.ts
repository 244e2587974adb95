import { deepFreeze } from './deep-freeze';
import type { RecordedEvent } from './events';
import { inMemoryStorageOf } from './in-memory-store';
import type { JsonValue } from './json';

/** Direct edits of a store's storage, bypassing the port: how tests play the forger. */
export interface StoreTamperer {
  /** Replaces the data of one stored event, leaving its metadata (and hash) as it was. */
  alterEvent(streamId: string, version: number, newData: JsonValue): Promise<void> | void;
  /** Deletes one stored event; the others keep their versions. */
  removeEvent(streamId: string, version: number): Promise<void> | void;
  /** Exchanges the places of two events of a stream, so that reading returns them swapped. */
  swapEvents(streamId: string, version1: number, version2: number): Promise<void> | void;
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
  };
}
