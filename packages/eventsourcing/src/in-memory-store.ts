import { ConcurrencyError } from './errors';
import type { RecordedEvent } from './events';
import { GENESIS_HASH } from './events';
import type { EventTransform } from './in-memory-reads';
import { EventIterator, firstIndexAfter, PageCursor, PageIterator } from './in-memory-reads';
import { DEFAULT_PAGE_SIZE } from './paged-read';
import type { ReadPipeline } from './read-pipeline';
import { createReadPipeline, readAppended } from './read-pipeline';
import type { AppendMemo } from './hash-chain';
import { prepareEventsForAppend } from './hash-chain';
import { freezeParsed } from './freeze-parsed';
import type {
  AppendOptions,
  AppendResult,
  EventFilter,
  EventStore,
  ExpectedVersion,
  ReadAllOptions,
  ReadStreamOptions,
  SubscribeOptions,
  Subscription,
} from './store';
import type { EventStoreOptions } from './store-options';
import { checkEventsToAppend } from './validate-events';
import { checkAppendOptions } from './append-options';
import { checkReadAllOptions, checkReadStreamOptions, checkSubscribeOptions } from './read-options';

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

// Flat reads walk the arrays in slices of this size; the caller never sees them.
const FLAT_READ_SLICE = 1000;

/** Internal: the storage behind an in-memory store (for the tampering handle). */
export function inMemoryStorageOf(store: EventStore): InMemoryStorage {
  const storage = storages.get(store);
  if (!storage) throw new Error('Not an in-memory event store');
  return storage;
}

/**
 * An event store in memory: for tests, demos and the analysts' scratch work. Appending costs
 * amortised O(1) whatever the number of streams and events; stored events are deep-frozen, so
 * reads hand them out as they are (in slices of the store's arrays, with no copy).
 */
export function createInMemoryEventStore(options: EventStoreOptions = {}): EventStore {
  const clock = options.clock ?? (() => new Date());
  const pipeline = createReadPipeline(options);
  // With no upcaster and no decoder, reading is handing out the stored events.
  const asStored = !options.upcasters && !options.decoder;
  const memo: AppendMemo = {};
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
  const readTransform: EventTransform | undefined = asStored ? undefined : pipeline.read;
  const streamCursor = (streamId: string, read: ReadStreamOptions): PageCursor =>
    new PageCursor(
      storage,
      streamId,
      read.fromVersion,
      read.direction === 'backwards',
      undefined,
      read.maxCount ?? Infinity,
    );
  // Without a filter every event read is given: the count bounds the slices too.
  const allCursor = (read: ReadAllOptions, transform: EventTransform | undefined): PageCursor =>
    new PageCursor(
      storage,
      undefined,
      undefined,
      false,
      read.after,
      transform === undefined ? (read.maxCount ?? Infinity) : Infinity,
    );

  const store: EventStore = {
    async appendToStream(streamId, events, appendOptions?: AppendOptions): Promise<AppendResult> {
      // Checks every event and writes its canonical JSON before anything is written.
      const checked = checkEventsToAppend(streamId, events);
      const expected = checkAppendOptions(appendOptions);
      assertOpen();
      const stream = storage.streams.get(streamId);
      const head = stream?.[stream.length - 1];
      const currentVersion = head ? head.version : -1;
      if (!expectedVersionHolds(expected, currentVersion)) {
        throw new ConcurrencyError(streamId, expected, currentVersion);
      }
      if (events.length === 0) {
        return {
          nextExpectedVersion: currentVersion,
          globalPosition: head ? head.globalPosition : 0n,
          events: [],
        };
      }
      // Copies what the caller gave (data and actor through their JSON text), so that later
      // changes to their objects cannot reach us.
      // The stream's events share one id string (each caller's may be a fresh copy).
      const storedStreamId = head ? head.streamId : streamId;
      const prepared = prepareEventsForAppend({
        streamId: storedStreamId,
        firstVersion: currentVersion + 1,
        prevHash: head ? head.metadata.hash : GENESIS_HASH,
        events,
        checked,
        now: clock(),
        memo,
        signer: options.signer,
      });
      const firstPosition = nextPosition(storage);
      const recorded = prepared.map(
        (event, i) =>
          Object.freeze({
            eventId: event.eventId,
            type: event.type,
            data: freezeParsed(JSON.parse(event.dataText) as unknown),
            version: event.version,
            recordedAt: event.recordedAt,
            metadata: Object.freeze(event.metadata),
            streamId: storedStreamId,
            globalPosition: firstPosition + BigInt(i),
          }) as RecordedEvent,
      );
      const target = stream ?? [];
      for (const event of recorded) {
        target.push(event);
        storage.all.push(event);
      }
      if (!stream) storage.streams.set(streamId, target);
      if (storage.listeners.size > 0) for (const wake of [...storage.listeners]) wake();
      const last = recorded[recorded.length - 1];
      return {
        nextExpectedVersion: last.version,
        globalPosition: last.globalPosition,
        events: asStored ? recorded : readAppended(pipeline, recorded),
      };
    },

    readStream(streamId, options?: ReadStreamOptions) {
      assertOpen();
      const readOptions = checkReadStreamOptions(options);
      const cursor = streamCursor(streamId, readOptions);
      return new EventIterator(cursor, readTransform, readOptions.maxCount ?? Infinity, FLAT_READ_SLICE);
    },

    readStreamPages(streamId, options?: ReadStreamOptions) {
      assertOpen();
      const readOptions = checkReadStreamOptions(options);
      const cursor = streamCursor(streamId, readOptions);
      const pageSize = pageSizeOf(readOptions.batchSize);
      return new PageIterator(cursor, readTransform, readOptions.maxCount ?? Infinity, pageSize);
    },

    readAll(options?: ReadAllOptions) {
      assertOpen();
      const readOptions = checkReadAllOptions(options);
      const transform = allTransform(pipeline, asStored, readOptions.filter);
      const cursor = allCursor(readOptions, transform);
      return new EventIterator(cursor, transform, readOptions.maxCount ?? Infinity, FLAT_READ_SLICE);
    },

    readAllPages(options?: ReadAllOptions) {
      assertOpen();
      const readOptions = checkReadAllOptions(options);
      const transform = allTransform(pipeline, asStored, readOptions.filter);
      const cursor = allCursor(readOptions, transform);
      const pageSize = pageSizeOf(readOptions.batchSize);
      return new PageIterator(cursor, transform, readOptions.maxCount ?? Infinity, pageSize);
    },

    subscribe(subscribeOptions?: SubscribeOptions) {
      assertOpen();
      return subscribe(storage, pipeline, checkSubscribeOptions(subscribeOptions));
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

// A batch size is an integer of at least 1 once the options are checked (read-options.ts).
function pageSizeOf(batchSize: number | undefined): number {
  return batchSize ?? DEFAULT_PAGE_SIZE;
}

function allTransform(
  pipeline: ReadPipeline,
  asStored: boolean,
  filter: EventFilter | undefined,
): EventTransform | undefined {
  if (asStored && !filter) return undefined;
  return (stored) => pipeline.readMatching(stored, filter);
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
