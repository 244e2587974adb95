/** The time source of the service; deciders never read the clock themselves. */
export interface Clock {
  /** The current instant (a fresh Date each call: callers may not share a mutable one). */
  now(): Date;
}

/** The machine's clock. */
export const systemClock: Clock = { now: () => new Date() };

function parseInstant(iso: string, what: string): number {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new RangeError(`${what} : date ISO-8601 attendue, reçu "${iso}"`);
  return ms;
}

/** A clock stopped at `iso` (e.g. `2025-12-03T09:30:00Z`), for tests and demos. */
export function fixedClock(iso: string): Clock {
  const ms = parseInstant(iso, 'fixedClock');
  return { now: () => new Date(ms) };
}

/** A clock that starts at `startIso` and moves on by `stepMs` after each reading: distinct, ordered instants. */
export function steppingClock(startIso: string, stepMs = 1000): Clock {
  let ms = parseInstant(startIso, 'steppingClock');
  if (!Number.isSafeInteger(stepMs) || stepMs < 0)
    throw new RangeError(`steppingClock : pas entier ≥ 0 attendu, reçu ${stepMs}`);
  return {
    now: () => {
      const current = new Date(ms);
      ms += stepMs;
      return current;
    },
  };
}
