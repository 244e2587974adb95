import type { EventStore } from '@cartes-badges/eventsourcing';

/** How the wrapped store fails: `ok` passes everything through. */
export type StoreMode = 'ok' | 'append-fails' | 'down';

/**
 * A store for failure tests: each append, or every call, throws what `failure()` makes while
 * the mode says so (a conflict that never clears, a busy lock, a database gone).
 */
export function switchableStore(
  base: EventStore,
  failure: () => Error,
): { store: EventStore; setMode(mode: StoreMode): void } {
  let mode: StoreMode = 'ok';
  const check = (appending: boolean): void => {
    if (mode === 'down' || (appending && mode === 'append-fails')) throw failure();
  };
  const store: EventStore = {
    async appendToStream(streamId, events, options) {
      check(true);
      return base.appendToStream(streamId, events, options);
    },
    async *readStream(streamId, options) {
      check(false);
      yield* base.readStream(streamId, options);
    },
    async *readAll(options) {
      check(false);
      yield* base.readAll(options);
    },
    subscribe: (options) => base.subscribe(options),
    close: () => base.close(),
  };
  return { store, setMode: (next) => (mode = next) };
}
