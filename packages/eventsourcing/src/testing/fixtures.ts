import type { Actor, EventToAppend, RecordedEvent } from '../events';
import type { JsonValue } from '../json';

/** The actor the contract suite writes with. */
export const testActor: Actor = { role: 'adherent', userId: 'user-1' };

/** An event to append of the given type and data. */
export function anEvent(
  type: string,
  data: JsonValue = {},
  extra: Partial<EventToAppend> = {},
): EventToAppend {
  return { type, data, ...extra } as EventToAppend;
}

/** `count` events named Counted with data { n } from `start`. */
export function counted(count: number, start = 0): EventToAppend[] {
  return Array.from({ length: count }, (_, i) => anEvent('Counted', { n: start + i }));
}

/** Reads an async iterable into an array. */
export async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const result: T[] = [];
  for await (const item of iterable) result.push(item);
  return result;
}

/** The versions of recorded events. */
export const versionsOf = (events: readonly RecordedEvent[]): number[] => events.map((e) => e.version);

/** Resolves after the current macrotask turn, letting I/O and timers run. */
export const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Resolves after `ms` milliseconds. */
export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
