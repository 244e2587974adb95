import { eventsOfPages } from './events-of-pages';

/** Pages handed out by an async generator, with what happened to it recorded. */
function recordedPages(pages: readonly (readonly number[])[]) {
  const log: string[] = [];
  async function* generate(): AsyncGenerator<readonly number[]> {
    try {
      for (const [index, page] of pages.entries()) {
        log.push(`page ${index}`);
        yield page;
      }
    } finally {
      log.push('pages closed');
    }
  }
  return { pages: generate(), log };
}

async function readAll<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const read: T[] = [];
  for await (const item of iterable) read.push(item);
  return read;
}

describe('the events of pages', () => {
  it('are handed out in order across pages, empty pages skipped, and the pages read only when needed', async () => {
    const { pages, log } = recordedPages([[1, 2], [], [3], [4, 5]]);
    const iterable = eventsOfPages(
      pages,
      (n) => {
        log.push(`event ${n}`);
        return n * 10;
      },
      () => log.push('page left'),
    );
    expect(log).toEqual([]);
    expect(await readAll(iterable)).toEqual([10, 20, 30, 40, 50]);
    expect(log).toEqual([
      'page 0',
      'event 1',
      'event 2',
      'page left',
      'page 1',
      'page 2',
      'event 3',
      'page left',
      'page 3',
      'event 4',
      'event 5',
      'page left',
      'pages closed',
    ]);
  });

  it('end where an event fails: the events before it are handed out, then the error, then nothing, and the pages are closed', async () => {
    const { pages, log } = recordedPages([[1, 2, 3], [4]]);
    const iterator = eventsOfPages(
      pages,
      (n) => {
        if (n === 3) throw new Error('event 3 does not read');
        return n;
      },
      () => log.push('page left'),
    )[Symbol.asyncIterator]();
    expect(await iterator.next()).toEqual({ value: 1, done: false });
    expect(await iterator.next()).toEqual({ value: 2, done: false });
    await expect(iterator.next()).rejects.toThrow('event 3 does not read');
    expect(await iterator.next()).toEqual({ value: undefined, done: true });
    expect(log).toEqual(['page 0', 'page left', 'pages closed']);
  });

  it('end where the first event of a page fails, as on any other event', async () => {
    const { pages, log } = recordedPages([[1], [2, 3]]);
    const read: number[] = [];
    const failing = eventsOfPages(
      pages,
      (n) => {
        if (n === 2) throw new Error('event 2 does not read');
        return n;
      },
      () => log.push('page left'),
    );
    await expect(
      (async () => {
        for await (const n of failing) read.push(n);
      })(),
    ).rejects.toThrow('event 2 does not read');
    expect(read).toEqual([1]);
    expect(log).toEqual(['page 0', 'page left', 'page 1', 'page left', 'pages closed']);
  });

  it('close the pages when the reader stops early, and leave the page', async () => {
    const { pages, log } = recordedPages([[1, 2], [3]]);
    const read: number[] = [];
    for await (const n of eventsOfPages(
      pages,
      (x) => x,
      () => log.push('page left'),
    )) {
      read.push(n);
      if (n === 1) break;
    }
    expect(read).toEqual([1]);
    expect(log).toEqual(['page 0', 'page left', 'pages closed']);
  });

  it('pass on a failure of the pages themselves, then end', async () => {
    async function* failingPages(): AsyncGenerator<readonly number[]> {
      yield [1];
      throw new Error('the server went away');
    }
    const iterator = eventsOfPages(
      failingPages(),
      (n) => n,
      () => undefined,
    )[Symbol.asyncIterator]();
    expect(await iterator.next()).toEqual({ value: 1, done: false });
    await expect(iterator.next()).rejects.toThrow('the server went away');
    expect(await iterator.next()).toEqual({ value: undefined, done: true });
  });

  it('answer calls made without waiting for the previous answer in order', async () => {
    const { pages } = recordedPages([[1], [2, 3]]);
    const iterator = eventsOfPages(
      pages,
      (n) => n,
      () => undefined,
    )[Symbol.asyncIterator]();
    const answers = await Promise.all([iterator.next(), iterator.next(), iterator.next(), iterator.next()]);
    expect(answers).toEqual([
      { value: 1, done: false },
      { value: 2, done: false },
      { value: 3, done: false },
      { value: undefined, done: true },
    ]);
  });
});
