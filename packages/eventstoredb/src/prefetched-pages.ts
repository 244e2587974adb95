import type { WireRecord } from './client-port';

/** One page read from the server, and where the next one starts (undefined: it was the last). */
export interface FetchedPage<Cursor> {
  readonly records: readonly WireRecord[];
  readonly next: Cursor | undefined;
}

/**
 * Hands out pages of records while the next page is already on its way, so that the reader's
 * work on one page overlaps the server's on the next (rather than the two taking turns). At
 * most two pages are held: the one handed out and the one in flight. `wantsNext` says, before a
 * page is handed out, whether the next one will surely be needed; when not, it is fetched only
 * if the reader asks for it. A reader that stops early leaves at most one read behind, whose
 * failure is then nobody's concern.
 */
export async function* prefetchedPages<Cursor>(
  first: Cursor,
  fetch: (cursor: Cursor) => Promise<FetchedPage<Cursor>>,
  wantsNext: (page: readonly WireRecord[]) => boolean = () => true,
): AsyncGenerator<readonly WireRecord[]> {
  let pending = fetch(first);
  for (;;) {
    const page = await pending;
    const next = page.next;
    if (next === undefined) {
      yield page.records;
      return;
    }
    const prefetched = wantsNext(page.records) ? quiet(fetch(next)) : undefined;
    yield page.records;
    pending = prefetched ?? fetch(next);
  }
}

// Marks a read as handled (it is awaited when its page is wanted, and may be dropped otherwise).
function quiet<T>(read: Promise<T>): Promise<T> {
  read.catch(() => undefined);
  return read;
}

/** No page at all: a read that asks for nothing. */
export async function* noPages(): AsyncGenerator<readonly WireRecord[]> {}
