import type { EventFilter, ReadAllOptions, RecordedEvent } from '@cartes-badges/eventsourcing';
import { streamPrefixes } from '@cartes-badges/eventsourcing/adapter';
import type { WirePosition, WireRecord } from './client-port';
import { fromWireRecord } from './event-mapping';
import { eventsOfPages } from './events-of-pages';
import { comparePositions, decodePosition } from './positions';
import type { FetchedPage } from './prefetched-pages';
import { noPages, prefetchedPages } from './prefetched-pages';
import type { StoreContext } from './store-context';
import { ownStreamIdOf } from './store-context';

/**
 * Reads `$all` in global order, page by page, strictly after `after`. The 6.x client's `readAll`
 * takes no server-side filter (its request always says "no filter"), so the filter (stream
 * prefixes, event types after upcasting) and the exclusion of system events apply here, to
 * each page as it arrives. Subscriptions do filter on the server.
 *
 * The events of `readAllPages` handed out one at a time, with one await per page rather than
 * an async generator's await and queued `next()` per event (issue 18, as `readStream`): the same
 * events in the same order; an event that does not decode ends the read after the events before
 * it; a reader that stops early closes the pages.
 */
export function readAll(ctx: StoreContext, options: ReadAllOptions = {}): AsyncIterable<RecordedEvent> {
  return eventsOfPages(readAllPages(ctx, options), sameEvent, nothingToTell);
}

const sameEvent = (event: RecordedEvent): RecordedEvent => event;
const nothingToTell = (): void => undefined;

/** `readAll` a page at a time: the kernel's optional `readAllPages`, one await per page. */
export async function* readAllPages(
  ctx: StoreContext,
  options: ReadAllOptions = {},
): AsyncGenerator<readonly RecordedEvent[]> {
  const reader = allReader(ctx, options);
  for await (const records of reader.pages) {
    const events: RecordedEvent[] = [];
    try {
      for (const record of records) {
        const event = reader.toEvent(record);
        if (!event) continue;
        events.push(event);
        if (reader.done()) break;
      }
    } catch (error) {
      // The events before the one that fails are still delivered, as `readAll` would.
      if (events.length > 0) yield events;
      throw error;
    }
    if (events.length > 0) yield events;
    if (reader.done()) return;
  }
}

/** The stored records of `$all` in pages, and how one becomes a kernel event (or is left out). */
function allReader(ctx: StoreContext, options: ReadAllOptions) {
  const batchSize = Math.max(1, options.batchSize ?? ctx.readBatchSize);
  let left = options.maxCount ?? Infinity;
  const prefilter = storagePrefilter(ctx, options.filter);
  const after = options.after === undefined ? undefined : decodePosition(options.after);
  const fetch = (from: WirePosition | undefined) => readAllPage(ctx, batchSize, from);
  return {
    // A page surely needed next: this one cannot give all the events still wanted.
    pages: left > 0 ? prefetchedPages(after, fetch, (page) => left > page.length) : noPages(),
    toEvent(record: WireRecord): RecordedEvent | undefined {
      const streamId = ownStreamIdOf(ctx, record);
      if (streamId === undefined || !prefilter(streamId, record.type)) return undefined;
      const event = ctx.pipeline.readMatching(fromWireRecord(record, streamId), options.filter);
      if (event) left -= 1;
      return event;
    },
    done: () => left <= 0,
  };
}

// One page of `$all` strictly after `after`: records with a position, in order.
async function readAllPage(
  ctx: StoreContext,
  batchSize: number,
  after: WirePosition | undefined,
): Promise<FetchedPage<WirePosition | undefined>> {
  // A read from a position includes the event there: ask for one more to make a full page.
  const wanted = batchSize + (after ? 1 : 0);
  const received = await ctx.calls.readAll({ from: after ?? 'start', maxCount: wanted });
  const records = received.filter(
    (record) => record.position && (!after || comparePositions(record.position, after) > 0),
  );
  const last = records.length > 0 ? records[records.length - 1].position : undefined;
  return { records, next: received.length < wanted || !last ? undefined : last };
}

/**
 * A check on the stored stream name and type, before the event is even mapped: events that the
 * filter leaves out are skipped unread, so that one this reader does not want cannot fail it.
 */
export function storagePrefilter(
  ctx: StoreContext,
  filter: EventFilter | undefined,
): (streamId: string, storedType: string) => boolean {
  const stored = ctx.pipeline.storageFilter(filter);
  const prefixes = streamPrefixes(stored);
  const types = stored?.eventTypes;
  return (streamId, storedType) =>
    (!prefixes || prefixes.some((prefix) => streamId.startsWith(prefix))) &&
    (!types || types.includes(storedType));
}
