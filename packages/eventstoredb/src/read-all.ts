import type { EventFilter, ReadAllOptions, RecordedEvent } from '@cartes-badges/eventsourcing';
import { streamPrefixes } from '@cartes-badges/eventsourcing';
import type { WirePosition } from './client-port';
import { fromWireRecord } from './event-mapping';
import { comparePositions, decodePosition } from './positions';
import type { StoreContext } from './store-context';
import { ownStreamIdOf } from './store-context';

/**
 * Reads `$all` in global order, page by page, strictly after `after`. The 6.x client's `readAll`
 * takes no server-side filter (its request always says "no filter"), so the filter (stream
 * prefixes, event types after upcasting) and the exclusion of system events apply here, to
 * each page as it arrives. Subscriptions do filter on the server.
 */
export async function* readAll(
  ctx: StoreContext,
  options: ReadAllOptions = {},
): AsyncGenerator<RecordedEvent> {
  const batchSize = Math.max(1, options.batchSize ?? ctx.readBatchSize);
  let left = options.maxCount ?? Infinity;
  const prefilter = storagePrefilter(ctx, options.filter);
  let after: WirePosition | undefined =
    options.after === undefined ? undefined : decodePosition(options.after);
  while (left > 0) {
    // A read from a position includes the event there: ask for one more to make a full page.
    const wanted = batchSize + (after ? 1 : 0);
    let received = 0;
    let last: WirePosition | undefined;
    for (const record of await ctx.calls.readAll({ from: after ?? 'start', maxCount: wanted })) {
      received += 1;
      const position = record.position;
      if (!position || (after && comparePositions(position, after) <= 0)) continue;
      last = position;
      const streamId = ownStreamIdOf(ctx, record);
      if (streamId === undefined || !prefilter(streamId, record.type)) continue;
      const event = ctx.pipeline.readMatching(fromWireRecord(record, streamId), options.filter);
      if (!event) continue;
      left -= 1;
      yield event;
      if (left <= 0) return;
    }
    if (received < wanted || !last) return;
    after = last;
  }
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
