import { checkDelayMs } from './backoff';
import { shownValue } from './shown-value';

// The timings of leases kept in a database, read alike by every store's leases. Unchecked, NaN
// passed (`NaN >= 100` was the only test, and it is false, so only the lease length was caught):
// a NaN renewal period renewed every millisecond (a timer takes NaN as 1 ms), a NaN retry period
// polled the database with no pause, and Infinity, which a timer also takes as 1 ms, the same.

/** The timings a lease store accepts (each in milliseconds). */
export interface LeaseTimingOptions {
  /** How long a lease lasts without renewal (default 15 s). */
  readonly ttlMs?: number;
  /** How often the holder renews (default a third of `ttlMs`). */
  readonly renewEveryMs?: number;
  /** How often a waiting instance tries to take a lease (default a third of `ttlMs`, at most 1 s). */
  readonly retryEveryMs?: number;
}

export interface LeaseTimings {
  readonly ttlMs: number;
  readonly renewEveryMs: number;
  readonly retryEveryMs: number;
}

/** The timings with their defaults, or an Error naming `owner` and the timing that is wrong. */
export function leaseTimings(owner: string, options: LeaseTimingOptions): LeaseTimings {
  // A default parameter covers undefined only: null or a text would fail later on a property read.
  if (typeof options !== 'object' || options === null)
    throw new TypeError(
      `${owner}: options must be an object such as { ttlMs: 15000 }, got ${shownValue(options)}`,
    );
  const ttlMs = options.ttlMs ?? 15_000;
  checkDelayMs(ttlMs, `${owner}: ttlMs`, 100);
  const third = Math.floor(ttlMs / 3);
  const timings = {
    ttlMs,
    renewEveryMs: options.renewEveryMs ?? third,
    retryEveryMs: options.retryEveryMs ?? Math.min(1000, third),
  };
  checkDelayMs(timings.renewEveryMs, `${owner}: renewEveryMs`, 1);
  checkDelayMs(timings.retryEveryMs, `${owner}: retryEveryMs`, 1);
  return timings;
}
