import type { RecordedEvent } from './events';
import type { EventFilter } from './store';

/** True when the event matches every criterion of the filter (no filter matches everything). */
export function matchesFilter(event: RecordedEvent, filter: EventFilter | undefined): boolean {
  if (!filter) return true;
  const prefixes = streamPrefixes(filter);
  if (prefixes && !prefixes.some((prefix) => event.streamId.startsWith(prefix))) return false;
  if (filter.eventTypes && !filter.eventTypes.includes(event.type)) return false;
  return true;
}

/** The filter's stream prefixes as a list, or undefined when it has none. */
export function streamPrefixes(filter: EventFilter | undefined): readonly string[] | undefined {
  const prefix = filter?.streamPrefix;
  if (prefix === undefined) return undefined;
  return typeof prefix === 'string' ? [prefix] : prefix;
}
