import type { ReadStreamOptions, RecordedEvent } from '@cartes-badges/eventsourcing';
import { isStorableText } from '@cartes-badges/eventsourcing';
import type { WireRecord } from './client-port';
import { fromWireRecord } from './event-mapping';
import { eventsOfPages } from './events-of-pages';
import type { FetchedPage } from './prefetched-pages';
import { noPages, prefetchedPages } from './prefetched-pages';
import type { StoreContext } from './store-context';
import { streamNameOf } from './store-context';

/**
 * Reads one stream page by page (`batchSize` events per call to the server), so that a long
 * stream never sits in one array; the next page is requested while this one is read. A stream
 * that does not exist yields nothing.
 */
export function readStream(
  ctx: StoreContext,
  streamId: string,
  options: ReadStreamOptions = {},
): AsyncIterable<RecordedEvent> {
  const newest = newestSeen(ctx);
  return eventsOfPages(
    streamRecordPages(ctx, streamId, options),
    (record) => ctx.pipeline.read(newest.note(fromWireRecord(record, streamId))),
    newest.tell,
  );
}

/** `readStream` a page at a time: the kernel's optional `readStreamPages`, one await per page. */
export async function* readStreamPages(
  ctx: StoreContext,
  streamId: string,
  options: ReadStreamOptions = {},
): AsyncGenerator<readonly RecordedEvent[]> {
  const newest = newestSeen(ctx);
  for await (const records of streamRecordPages(ctx, streamId, options)) {
    const events: RecordedEvent[] = [];
    try {
      for (const record of records)
        events.push(ctx.pipeline.read(newest.note(fromWireRecord(record, streamId))));
    } catch (error) {
      // The events before the one that fails are still delivered, as `readStream` would.
      if (events.length > 0) yield events;
      throw error;
    } finally {
      newest.tell();
    }
    if (events.length > 0) yield events;
  }
}

/**
 * The newest event read of a page, told to the head cache once the reader leaves the page
 * rather than at every event: the cache's lookup and update per event cost about as much as
 * the rest of the read's own work (issue 18). Stored events never change, so telling it later
 * says nothing false; an append meanwhile reads the head itself, as for any unknown stream.
 */
function newestSeen(ctx: StoreContext): { note(event: RecordedEvent): RecordedEvent; tell(): void } {
  let newest: RecordedEvent | undefined;
  return {
    note(event) {
      if (newest === undefined || event.version > newest.version) newest = event;
      return event;
    },
    tell() {
      if (newest !== undefined) ctx.heads.see(newest);
      newest = undefined;
    },
  };
}

/** Where a page starts, and how many events are still wanted from there. */
interface StreamCursor {
  readonly from: number | 'start' | 'end';
  readonly left: number;
}

function streamRecordPages(
  ctx: StoreContext,
  streamId: string,
  options: ReadStreamOptions,
): AsyncIterable<readonly WireRecord[]> {
  const backwards = options.direction === 'backwards';
  const batchSize = Math.max(1, options.batchSize ?? ctx.readBatchSize);
  const left = options.maxCount ?? Infinity;
  let from: number | 'start' | 'end' = options.fromVersion ?? (backwards ? 'end' : 'start');
  if (typeof from === 'number' && from < 0) {
    if (backwards) return noPages();
    from = 'start';
  }
  if (left <= 0) return noPages();
  // No stream is stored under such an id (appends refuse it): it does not exist.
  if (!isStorableText(streamId)) return noPages();
  const name = streamNameOf(ctx, streamId);

  // Every event of a page is handed out, so the next page's start and size are known up front.
  const fetch = async (cursor: StreamCursor): Promise<FetchedPage<StreamCursor>> => {
    const wanted = Math.min(batchSize, cursor.left);
    const records = await ctx.calls.readStream(name, {
      from: cursor.from,
      direction: backwards ? 'backwards' : 'forwards',
      maxCount: wanted,
    });
    // The furthest version seen, so the next page starts past it even if the stored order was tampered with.
    let edge: number | undefined;
    for (const record of records) {
      edge =
        edge === undefined
          ? record.revision
          : backwards
            ? Math.min(edge, record.revision)
            : Math.max(edge, record.revision);
    }
    const stillLeft = cursor.left - records.length;
    if (edge === undefined || records.length < wanted || stillLeft <= 0 || (backwards && edge <= 0))
      return { records, next: undefined };
    return { records, next: { from: backwards ? edge - 1 : edge + 1, left: stillLeft } };
  };
  return prefetchedPages<StreamCursor>({ from, left }, fetch);
}
