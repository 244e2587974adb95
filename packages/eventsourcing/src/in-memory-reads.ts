import type { RecordedEvent } from './events';

/**
 * Gives the next page of stored events, or undefined at the end. Pages are slices of the
 * store's arrays: the events themselves are shared, which is safe because they are frozen.
 */
export type PageSource = () => readonly RecordedEvent[] | undefined;

/** What a read does to each stored event on its way out (upcast, decode); undefined drops it. */
export type EventTransform = (stored: RecordedEvent) => RecordedEvent | undefined;

/** A read over in-memory pages: where they come from and what is done to each event. */
export interface PagedRead {
  /** Called at the first pull, so that the read sees what the store holds then. */
  readonly open: () => PageSource;
  /** Undefined when events go out as stored (no upcaster, no decoder, no filter). */
  readonly transform: EventTransform | undefined;
  /** Events given in all, counted after the transform. */
  readonly maxCount: number;
}

const ended = (): Promise<IteratorResult<never>> => Promise.resolve({ value: undefined, done: true });

/**
 * The events of a paged read as an async iterator written by hand: one resolved promise per
 * event, without the cost of an async generator's queue (twice as fast under `for await`).
 */
export function eventsOf(read: PagedRead): AsyncIterableIterator<RecordedEvent> {
  const { transform, maxCount } = read;
  let source: PageSource | undefined;
  let page: readonly RecordedEvent[] = [];
  let index = 0;
  let count = 0;
  let done = false;
  const iterator: AsyncIterableIterator<RecordedEvent> = {
    [Symbol.asyncIterator]: () => iterator,
    next(): Promise<IteratorResult<RecordedEvent>> {
      if (done) return ended();
      try {
        source ??= read.open();
        while (count < maxCount) {
          if (index < page.length) {
            const stored = page[index++];
            const event = transform ? transform(stored) : stored;
            if (event === undefined) continue;
            count++;
            return Promise.resolve({ value: event, done: false });
          }
          const next = source();
          if (!next) break;
          page = next;
          index = 0;
        }
      } catch (error) {
        done = true;
        return Promise.reject(error);
      }
      done = true;
      return ended();
    },
    return(): Promise<IteratorResult<RecordedEvent>> {
      done = true;
      return ended();
    },
  };
  return iterator;
}

/** The pages of a paged read: stored slices as they are when nothing is to be transformed. */
export function pagesOf(read: PagedRead): AsyncIterableIterator<readonly RecordedEvent[]> {
  const { transform, maxCount } = read;
  let source: PageSource | undefined;
  let count = 0;
  let done = false;
  const nextPage = (): readonly RecordedEvent[] | undefined => {
    source ??= read.open();
    while (count < maxCount) {
      const stored = source();
      if (!stored) return undefined;
      if (!transform) {
        const page = stored.length > maxCount - count ? stored.slice(0, maxCount - count) : stored;
        count += page.length;
        return page;
      }
      const page: RecordedEvent[] = [];
      for (let i = 0; i < stored.length && count < maxCount; i++) {
        const event = transform(stored[i]);
        if (event === undefined) continue;
        page.push(event);
        count++;
      }
      if (page.length > 0) return page;
    }
    return undefined;
  };
  const iterator: AsyncIterableIterator<readonly RecordedEvent[]> = {
    [Symbol.asyncIterator]: () => iterator,
    next(): Promise<IteratorResult<readonly RecordedEvent[]>> {
      if (done) return ended();
      try {
        const page = nextPage();
        if (page) return Promise.resolve({ value: page, done: false });
      } catch (error) {
        done = true;
        return Promise.reject(error);
      }
      done = true;
      return ended();
    },
    return(): Promise<IteratorResult<readonly RecordedEvent[]>> {
      done = true;
      return ended();
    },
  };
  return iterator;
}

/** Pages of one stream from `fromVersion`, forwards or backwards, at most `limit` events. */
export function streamPages(
  stream: readonly RecordedEvent[] | undefined,
  fromVersion: number | undefined,
  backwards: boolean,
  limit: number,
  pageSize: number,
): PageSource {
  if (!stream) return () => undefined;
  // Bound the read to what exists now, as a paged read of a database would.
  const length = stream.length;
  let index = firstIndexAtVersion(stream, fromVersion, backwards);
  let remaining = limit;
  return () => {
    if (remaining <= 0 || index < 0 || index >= length) return undefined;
    if (backwards) {
      const size = Math.min(pageSize, remaining, index + 1);
      const page = stream.slice(index - size + 1, index + 1).reverse();
      index -= size;
      remaining -= size;
      return page;
    }
    const size = Math.min(pageSize, remaining, length - index);
    const page = stream.slice(index, index + size);
    index += size;
    remaining -= size;
    return page;
  };
}

/** Pages of every event in global order after the exclusive checkpoint `after`. */
export function allPages(
  all: readonly RecordedEvent[],
  after: bigint | undefined,
  limit: number,
  pageSize: number,
): PageSource {
  const length = all.length;
  let index = firstIndexAfter(all, after);
  let remaining = limit;
  return () => {
    if (remaining <= 0 || index >= length) return undefined;
    const size = Math.min(pageSize, remaining, length - index);
    const page = all.slice(index, index + size);
    index += size;
    remaining -= size;
    return page;
  };
}

// Index of the first event to read from `fromVersion`, by binary search on versions.
function firstIndexAtVersion(
  stream: readonly RecordedEvent[],
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
export function firstIndexAfter(all: readonly RecordedEvent[], after: bigint | undefined): number {
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
