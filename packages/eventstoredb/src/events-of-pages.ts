const DONE: IteratorReturnResult<undefined> = { value: undefined, done: true };

/**
 * The events of a sequence of pages, one per `next()`, read from each page as it is handed out:
 * what an async generator (`for (const record of page) yield toEvent(record)`) gives, without
 * its cost per event. A generator awaits at every `yield` and queues each `next()` (about twice
 * the CPU per event of this iterator, which awaits once per page and answers the other calls
 * with a resolved promise; issue 18). As with the generator, a `toEvent` that throws ends the
 * iteration there (the events before it were handed out), and an early `return()` (a `break`)
 * closes the pages. `pageLeft` runs when the reader leaves a page: at its end, on a throw and
 * on `return()`.
 */
export function eventsOfPages<Record, Event>(
  pages: AsyncIterable<readonly Record[]>,
  toEvent: (record: Record) => Event,
  pageLeft: () => void,
): AsyncIterable<Event> {
  return { [Symbol.asyncIterator]: () => new EventsOfPages(pages, toEvent, pageLeft) };
}

class EventsOfPages<Record, Event> implements AsyncIterator<Event, undefined> {
  private pages: AsyncIterator<readonly Record[]> | undefined;
  private page: readonly Record[] = [];
  private index = 0;
  private finished = false;
  // A `next()` waiting for a page: a caller that does not wait for one answer before asking
  // again gets the events in order all the same.
  private waiting: Promise<IteratorResult<Event, undefined>> | undefined;

  private readonly nextAgain = (): Promise<IteratorResult<Event, undefined>> => this.next();

  constructor(
    private readonly source: AsyncIterable<readonly Record[]>,
    private readonly toEvent: (record: Record) => Event,
    private readonly pageLeft: () => void,
  ) {}

  next(): Promise<IteratorResult<Event, undefined>> {
    if (this.waiting) return this.waiting.then(this.nextAgain, this.nextAgain);
    if (this.index < this.page.length) {
      try {
        return Promise.resolve({ value: this.toEvent(this.page[this.index++]), done: false });
      } catch (error) {
        return this.fail(error);
      }
    }
    if (this.finished) return Promise.resolve(DONE);
    const waiting = this.nextPage();
    this.waiting = waiting;
    const settled = (): void => {
      this.waiting = undefined;
    };
    waiting.then(settled, settled);
    return waiting;
  }

  async return(): Promise<IteratorResult<Event, undefined>> {
    if (this.finished) return DONE;
    this.finished = true;
    this.page = [];
    this.pageLeft();
    await this.pages?.return?.();
    return DONE;
  }

  private async nextPage(): Promise<IteratorResult<Event, undefined>> {
    if (this.page.length > 0) this.pageLeft();
    this.page = [];
    this.index = 0;
    this.pages ??= this.source[Symbol.asyncIterator]();
    for (;;) {
      let read: IteratorResult<readonly Record[]>;
      try {
        read = await this.pages.next();
      } catch (error) {
        // The pages ended on their own failure: nothing to close.
        this.finished = true;
        throw error;
      }
      if (this.finished) return DONE;
      if (read.done) {
        this.finished = true;
        return DONE;
      }
      if (read.value.length === 0) continue;
      this.page = read.value;
      this.index = 1;
      try {
        return { value: this.toEvent(read.value[0]), done: false };
      } catch (error) {
        return this.fail(error);
      }
    }
  }

  private async fail(error: unknown): Promise<never> {
    this.finished = true;
    this.page = [];
    this.pageLeft();
    await this.pages?.return?.();
    throw error;
  }
}
