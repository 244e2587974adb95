import type { GlobalPosition } from '../events';
import { isNoChangeMarker } from '../no-change-marker';
import { readAllInPages } from '../paged-read';
import type { EventFilter, EventStore } from '../store';

/**
 * The lag gauge counts at most this many events: far behind (a rebuild), the exact figure is
 * not worth reading that much more of the store at every collection; the value then means
 * "at least".
 */
export const LAG_COUNT_LIMIT = 10_000;

/**
 * How many matching events are stored after `position` (no-change markers aside: a runner only
 * passes them). Positions are not counts (EventStoreDB's are byte offsets, PostgreSQL's may
 * have gaps), so the events are counted, up to LAG_COUNT_LIMIT.
 */
export async function countEventsAfter(
  store: EventStore,
  position: GlobalPosition | undefined,
  filter: EventFilter | undefined,
): Promise<number> {
  let count = 0;
  for await (const page of readAllInPages(store, { after: position, filter, maxCount: LAG_COUNT_LIMIT })) {
    for (const event of page) if (!isNoChangeMarker(event)) count++;
  }
  return count;
}
