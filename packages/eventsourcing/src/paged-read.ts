import type { RecordedEvent } from './events';
import type { EventStore, ReadAllOptions, ReadStreamOptions } from './store';

/** Events per page when the caller gives no `batchSize`. */
export const DEFAULT_PAGE_SIZE = 500;

/**
 * Reads one stream page by page: through the store's `readStreamPages` when it has one, else by
 * gathering its `readStream` into arrays. Folding a page in a plain loop costs one await per page
 * instead of one per event.
 */
export function readStreamInPages(
  store: EventStore,
  streamId: string,
  options: ReadStreamOptions = {},
): AsyncIterable<readonly RecordedEvent[]> {
  if (store.readStreamPages) return store.readStreamPages(streamId, options);
  return inPages(store.readStream(streamId, options), options.batchSize);
}

/** Reads every event in global order page by page (`readAllPages` when the store has it). */
export function readAllInPages(
  store: EventStore,
  options: ReadAllOptions = {},
): AsyncIterable<readonly RecordedEvent[]> {
  if (store.readAllPages) return store.readAllPages(options);
  return inPages(store.readAll(options), options.batchSize);
}

/** Gathers an async iterable of events into arrays of at most `size` events. */
export async function* inPages(
  events: AsyncIterable<RecordedEvent>,
  size: number = DEFAULT_PAGE_SIZE,
): AsyncGenerator<readonly RecordedEvent[]> {
  const pageSize = Number.isInteger(size) && size > 0 ? size : DEFAULT_PAGE_SIZE;
  let page: RecordedEvent[] = [];
  for await (const event of events) {
    page.push(event);
    if (page.length >= pageSize) {
      yield page;
      page = [];
    }
  }
  if (page.length > 0) yield page;
}
