import { deepFreeze } from './deep-freeze';
import { ConcurrencyError } from './errors';
import type { RecordedEvent } from './events';
import { GENESIS_HASH } from './events';
import { prepareEventsForAppend } from './hash-chain';
import type { ReadPipeline } from './read-pipeline';
import { createReadPipeline } from './read-pipeline';
import type {
  AppendOptions,
  AppendResult,
  EventStore,
  ExpectedVersion,
  ReadAllOptions,
  ReadStreamOptions,
  SubscribeOptions,
  Subscription,
} from './store';
import type { EventStoreOptions } from './store-options';
import { validateEventsToAppend } from './validate-events';

/** The storage of an in-memory store; only its own module and its tampering handle see it. */
export interface InMemoryStorage {
  /** Each stream's events in version order: appending to one never touches another. */
  readonly streams: Map<string, RecordedEvent[]>;
  /** Every event in global order; event i has position i + 1 (until tampered with). */
  readonly all: RecordedEvent[];
  /** Wakes the live subscriptions after an append. */
  readonly listeners: Set<() => void>;
  readonly subscriptions: Set<Subscription>;
  closed: boolean;
}

const storages = new WeakMap<EventStore, InMemoryStorage>();

/** Internal: the storage behind an in-memory store (for the tampering handle). */
export function inMemoryStorageOf(store: EventStore): InMemoryStorage {
  const storage = storages.get(store);
  if (!storage) throw new Error('Not an in-memory event store');
  return storage;
}

/**
 * An event store in memory: for tests, demos and the analysts' scratch work. Appending costs
 * amortised O(1) whatever the number of streams and events; stored events are deep-frozen.
 */
export function createInMemoryEventStore(options: EventStoreOptions = {}): EventStore {
  const clock = options.clock ?? (() => new Date());
  const pipeline = createReadPipeline(options);
  const storage: InMemoryStorage = {
    streams: new Map(),
    all: [],
    listeners: new Set(),
    subscriptions: new Set(),
    closed: false,
  };

  const assertOpen = (): void => {
    if (storage.closed) throw new Error('The in-memory event store is closed');
  };

  const store: EventStore = {
    async appendToStream(streamId, events, appendOptions: AppendOptions = {}): Promise<AppendResult> {
      validateEventsToAppend(streamId, events);
      assertOpen();
      const stream = storage.streams.get(streamId);
      const head = stream?.[stream.length - 1];
      const currentVersion = head ? head.version : -1;
      const expected = appendOptions.expectedVersion ?? 'any';
      if (!expectedVersionHolds(expected, currentVersion)) {
        throw new ConcurrencyError(streamId, expected, currentVersion);
      }
      if (events.length === 0) {
        return { nextExpectedVersion: currentVersion, globalPosition: head ? head.globalPosition : 0n };
      }
      // Copy what the caller gave before freezing it, so later changes to their objects cannot reach us.
      const prepared = prepareEventsForAppend({
        streamId,
        firstVersion: currentVersion + 1,
        prevHash: head ? head.metadata.hash : GENESIS_HASH,
        events: structuredClone(events),
        now: clock(),
      });
      const target = stream ?? [];
      let position = nextPosition(storage);
      for (const event of prepared) {
        const recorded = deepFreeze({ ...event, streamId, globalPosition: position } as RecordedEvent);
        target.push(recorded);
        storage.all.push(recorded);
        position += 1n;
      }
      if (!stream) storage.streams.set(streamId, target);
      for (const wake of [...storage.listeners]) wake();
      const last = target[target.length - 1];
      return { nextExpectedVersion: last.version, globalPosition: last.globalPosition };
    },

    readStream(streamId, readOptions: ReadStreamOptions = {}) {
      assertOpen();
      return readStream(storage, pipeline, streamId, readOptions);
    },

    readAll(readOptions: ReadAllOptions = {}) {
      assertOpen();
      return readAll(storage, pipeline, readOptions);
    },

    subscribe(subscribeOptions: SubscribeOptions = {}) {
      assertOpen();
      return subscribe(storage, pipeline, subscribeOptions);
    },

    async close() {
      storage.closed = true;
      await Promise.all([...storage.subscriptions].map((subscription) => subscription.close()));
    },
  };
  storages.set(store, storage);
  return store;
}

/** True when an append with `expected` may go on a stream whose last version is `current`. */
export function expectedVersionHolds(expected: ExpectedVersion, current: number): boolean {
  switch (expected) {
    case 'any':
      return true;
    case 'no_stream':
      return current === -1;
    case 'stream_exists':
      return current !== -1;
    default:
      return expected === current;
  }
}

function nextPosition(storage: InMemoryStorage): bigint {
  const last = storage.all[storage.all.length - 1];
  return last ? last.globalPosition + 1n : 1n;
}

async function* readStream(
  storage: InMemoryStorage,
  pipeline: ReadPipeline,
  streamId: string,
  options: ReadStreamOptions,
): AsyncGenerator<RecordedEvent> {
  const stream = storage.streams.get(streamId);
  if (!stream) return;
  const maxCount = options.maxCount ?? Infinity;
  const backwards = options.direction === 'backwards';
  // Bound the read to what exists now, as a paged read of a database would.
  const length = stream.length;
  let index = firstIndexAtVersion(stream, options.fromVersion, backwards);
  for (let count = 0; count < maxCount && index >= 0 && index < length; count++) {
    yield pipeline.read(stream[index]);
    index += backwards ? -1 : 1;
  }
}

// Index of the first event to read from `fromVersion`, by binary search on versions.
function firstIndexAtVersion(
  stream: RecordedEvent[],
  fromVersion: number | undefined,
  backwards: boolean,
): number {
  if (fromVersion === undefined) return backwards ? stream.length - 1 : 0;
  let low = 0;
  let high = stream.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (stream[middle].version < fromVersion) low = middle + 1;
    else high = middle;
  }
  // Backwards from a version: the last event at or below it.
  if (backwards) return low < stream.length && stream[low].version === fromVersion ? low : low - 1;
  return low;
}

/** Index of the first event whose position is strictly after `after`, by binary search. */
function firstIndexAfter(all: RecordedEvent[], after: bigint | undefined): number {
  if (after === undefined) return 0;
  let low = 0;
  let high = all.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (all[middle].globalPosition <= after) low = middle + 1;
    else high = middle;
  }
  return low;
}

async function* readAll(
  storage: InMemoryStorage,
  pipeline: ReadPipeline,
  options: ReadAllOptions,
): AsyncGenerator<RecordedEvent> {
  const maxCount = options.maxCount ?? Infinity;
  const length = storage.all.length;
  let count = 0;
  for (let index = firstIndexAfter(storage.all, options.after); index < length && count < maxCount; index++) {
    const event = pipeline.readMatching(storage.all[index], options.filter);
    if (event) {
      count++;
      yield event;
    }
  }
}

function subscribe(
  storage: InMemoryStorage,
  pipeline: ReadPipeline,
  options: SubscribeOptions,
): Subscription {
  let closed = false;
  let wake: (() => void) | undefined;
  const wakeUp = (): void => {
    const resolve = wake;
    wake = undefined;
    resolve?.();
  };
  storage.listeners.add(wakeUp);

  async function* follow(): AsyncGenerator<RecordedEvent> {
    try {
      let index = firstIndexAfter(storage.all, options.after);
      while (!closed) {
        while (index < storage.all.length && !closed) {
          const event = pipeline.readMatching(storage.all[index++], options.filter);
          if (event) yield event;
        }
        if (closed) return;
        options.onCaughtUp?.();
        // Appends are synchronous: none can slip in between this check and the wait.
        if (index < storage.all.length) continue;
        await new Promise<void>((resolve) => (wake = resolve));
      }
    } finally {
      subscription.close().catch(() => undefined);
    }
  }

  const iterator = follow();
  const subscription: Subscription = {
    [Symbol.asyncIterator]: () => iterator,
    async close() {
      closed = true;
      storage.listeners.delete(wakeUp);
      storage.subscriptions.delete(subscription);
      wakeUp();
    },
  };
  storage.subscriptions.add(subscription);
  return subscription;
}
