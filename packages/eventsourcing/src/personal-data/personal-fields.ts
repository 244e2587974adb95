import type { JsonValue } from '../json';
import { isJsonArray } from '../json';

/**
 * Which values of which event types are personal data, as dot paths into the event's data
 * (`{ ContactEmailChanged: ['email'], DocumentAttached: ['file.name'] }`). A domain declares it
 * once; the list only grows: a path removed would leave its stored values sealed and unread.
 */
export type PersonalFields = Readonly<Record<string, readonly string[]>>;

// Own properties only: `in` and indexing also see what every object inherits, so a path such as
// `toString` found a function in any data (and sealing it threw) or added one to the copy.

/** The value at a dot path of some data, undefined when a step is missing. */
export function valueAt(data: JsonValue, path: string): JsonValue | undefined {
  let current: JsonValue | undefined = data;
  for (const step of path.split('.')) {
    if (
      current === null ||
      typeof current !== 'object' ||
      isJsonArray(current) ||
      !Object.hasOwn(current, step)
    )
      return undefined;
    current = current[step];
  }
  return current;
}

/** A copy of `data` with the value at `path` replaced (only the objects along the path are copied). */
export function withValueAt(data: JsonValue, path: string, value: JsonValue): JsonValue {
  const [step, ...rest] = path.split('.');
  if (data === null || typeof data !== 'object' || isJsonArray(data) || !Object.hasOwn(data, step))
    return data;
  const next = rest.length === 0 ? value : withValueAt(data[step], rest.join('.'), value);
  return { ...data, [step]: next };
}
