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
