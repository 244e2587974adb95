import type { RecordedEvent } from './events';

/** What a read does to each stored event on its way out (upcast, decode); undefined drops it. */
export type EventTransform = (stored: RecordedEvent) => RecordedEvent | undefined;

/** What a cursor reads: the store's arrays. */
export interface ReadableStorage {
  readonly streams: ReadonlyMap<string, readonly RecordedEvent[]>;
  readonly all: readonly RecordedEvent[];
}

/**
 * Where a read takes its pages: slices of one of the store's arrays (the events themselves are
 * shared, which is safe because they are frozen), forwards or backwards, at most `limit` events.
 * Classes rather than closures: a command reads its stream every time, and objects with shared
 * methods are what costs least to make.
 */
export class PageCursor {
  private events: readonly RecordedEvent[] = [];
  private index = 0;
  private length = 0;
  private remaining: number;
  private opened = false;

  /**
   * One stream (`streamId` given: from `fromVersion`, maybe backwards) or every event (after
   * the exclusive checkpoint `after`).
   */
  constructor(
    private readonly storage: ReadableStorage,
    private readonly streamId: string | undefined,
    private readonly fromVersion: number | undefined,
    private readonly backwards: boolean,
    private readonly after: bigint | undefined,
    limit: number,
  ) {
    this.remaining = limit;
  }

  /** The next page of at most `size` events, or undefined at the end. */
  next(size: number): readonly RecordedEvent[] | undefined {
    if (!this.opened) this.open();
    const { index, remaining } = this;
    if (remaining <= 0 || index < 0 || index >= this.length) return undefined;
    if (this.backwards) {
      const count = Math.min(size, remaining, index + 1);
      this.index -= count;
      this.remaining -= count;
      return this.events.slice(index - count + 1, index + 1).reverse();
    }
    const count = Math.min(size, remaining, this.length - index);
    this.index += count;
    this.remaining -= count;
    return this.events.slice(index, index + count);
  }

  // At the first pull, so that the read sees what the store holds then, and bounded to it, as a
  // paged read of a database would be.
  private open(): void {
    this.opened = true;
    if (this.streamId === undefined) {
      this.events = this.storage.all;
      this.index = firstIndexAfter(this.events, this.after);
    } else {
      this.events = this.storage.streams.get(this.streamId) ?? [];
      this.index = firstIndexAtVersion(this.events, this.fromVersion, this.backwards);
    }
    this.length = this.events.length;
  }
}

const ended = (): Promise<IteratorResult<never>> => Promise.resolve({ value: undefined, done: true });

/**
 * The events of a paged read as an async iterator written by hand: one resolved promise per
 * event, without the cost of an async generator's queue (twice as fast under `for await`).
 */
export class EventIterator implements AsyncIterableIterator<RecordedEvent> {
  private page: readonly RecordedEvent[] = [];
  private index = 0;
  private count = 0;
  private done = false;

  constructor(
    private readonly cursor: PageCursor,
    private readonly transform: EventTransform | undefined,
    private readonly maxCount: number,
    private readonly sliceSize: number,
  ) {}

  [Symbol.asyncIterator](): this {
    return this;
  }

  next(): Promise<IteratorResult<RecordedEvent>> {
    if (this.done) return ended();
    try {
      while (this.count < this.maxCount) {
        if (this.index < this.page.length) {
          const stored = this.page[this.index++];
          const event = this.transform ? this.transform(stored) : stored;
          if (event === undefined) continue;
          this.count++;
          return Promise.resolve({ value: event, done: false });
        }
        const next = this.cursor.next(this.sliceSize);
        if (!next) break;
        this.page = next;
        this.index = 0;
      }
    } catch (error) {
      this.done = true;
      return Promise.reject(error);
    }
    this.done = true;
    return ended();
  }

  return(): Promise<IteratorResult<RecordedEvent>> {
    this.done = true;
    return ended();
  }
}

/** The pages of a paged read: stored slices as they are when nothing is to be transformed. */
export class PageIterator implements AsyncIterableIterator<readonly RecordedEvent[]> {
  private count = 0;
  private done = false;

  constructor(
    private readonly cursor: PageCursor,
    private readonly transform: EventTransform | undefined,
    private readonly maxCount: number,
    private readonly pageSize: number,
  ) {}

  [Symbol.asyncIterator](): this {
    return this;
  }

  next(): Promise<IteratorResult<readonly RecordedEvent[]>> {
    if (this.done) return ended();
    try {
      const page = this.nextPage();
      if (page) return Promise.resolve({ value: page, done: false });
    } catch (error) {
      this.done = true;
      return Promise.reject(error);
    }
    this.done = true;
    return ended();
  }

  return(): Promise<IteratorResult<readonly RecordedEvent[]>> {
    this.done = true;
    return ended();
  }

  private nextPage(): readonly RecordedEvent[] | undefined {
    const { transform, maxCount } = this;
    while (this.count < maxCount) {
      const stored = this.cursor.next(this.pageSize);
      if (!stored) return undefined;
      if (!transform) {
        const page = stored.length > maxCount - this.count ? stored.slice(0, maxCount - this.count) : stored;
        this.count += page.length;
        return page;
      }
      const page: RecordedEvent[] = [];
      for (let i = 0; i < stored.length && this.count < maxCount; i++) {
        const event = transform(stored[i]);
        if (event === undefined) continue;
        page.push(event);
        this.count++;
      }
      if (page.length > 0) return page;
    }
    return undefined;
  }
}

/** Index of the first event to read from `fromVersion`, by binary search on versions. */
export function firstIndexAtVersion(
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
