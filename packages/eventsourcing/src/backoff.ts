import { shownValue } from './shown-value';

/**
 * How long to wait before retry number `retry`: exponential, capped, with jitter. Every retry
 * loop of the packages takes its delays from here (command retries, reactor effects, SQLite's
 * busy writes, PostgreSQL's reconnecting listener and held-back reads, EventStoreDB's transient
 * failures, the read side's restarts), so that they all spread out the same way.
 */
export interface BackoffPolicy {
  /** Delay before the first retry, in ms (before jitter). */
  readonly initialDelayMs: number;
  /** Growth per retry (default 2). */
  readonly factor?: number;
  /** Ceiling of the delay, in ms (before jitter). */
  readonly maxDelayMs: number;
  /**
   * `equal` (default): half the delay fixed, half random, so that writers that failed together
   * do not retry together, yet none retries at once. `full`: anywhere between 0 and the delay
   * (spreads most, for many contenders on one resource). `none`: the exact exponential delay
   * (tests, or a single waiter).
   */
  readonly jitter?: 'equal' | 'full' | 'none';
}

/** The delay, in ms, before retry number `retry` (0 for the first retry). */
export function backoffDelay(
  retry: number,
  policy: BackoffPolicy,
  random: () => number = Math.random,
): number {
  const exponential = policy.initialDelayMs * (policy.factor ?? 2) ** Math.max(0, retry);
  const capped = Math.min(exponential, policy.maxDelayMs);
  switch (policy.jitter ?? 'equal') {
    case 'none':
      return capped;
    case 'full':
      return random() * capped;
    case 'equal':
      return capped / 2 + (random() * capped) / 2;
  }
}

// A delay that is not a number of milliseconds is a retry loop with no pause at all: setTimeout
// takes NaN, a negative delay or the `undefined` of an unknown jitter as 0, and one past 2^31 - 1
// ms (Infinity included) as 1. The options that feed
// a policy are checked where they are given, so a mistake shows at start, naming the option.

/** The longest delay a timer keeps: Node fires a longer one (Infinity too) after 1 ms. */
export const MAX_TIMER_DELAY_MS = 2 ** 31 - 1;

/**
 * Throws a RangeError naming `name` unless `value` is undefined or a number of ms a timer keeps,
 * of at least `least`.
 */
export function checkDelayMs(value: unknown, name: string, least = 0): void {
  if (value === undefined || (typeof value === 'number' && value >= least && value <= MAX_TIMER_DELAY_MS))
    return;
  throw new RangeError(
    `${name} must be a number of milliseconds from ${least} to ${MAX_TIMER_DELAY_MS}, got ${shownValue(value)}`,
  );
}

/** Throws a RangeError naming `name` unless `value` is undefined or a growth factor of at least 1. */
export function checkBackoffFactor(value: unknown, name: string): void {
  if (value === undefined || (typeof value === 'number' && Number.isFinite(value) && value >= 1)) return;
  throw new RangeError(`${name} must be a finite number of at least 1, got ${shownValue(value)}`);
}

/** Throws a RangeError naming `name` unless `value` is undefined or one of the jitters. */
export function checkJitter(value: unknown, name: string): void {
  if (value === undefined || value === 'equal' || value === 'full' || value === 'none') return;
  throw new RangeError(`${name} must be 'equal', 'full' or 'none', got ${shownValue(value)}`);
}
