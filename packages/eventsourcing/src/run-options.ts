import type { RunProjectionOptions } from './projection-runner';
import type { Runnable } from './projection-target';
import { shownValue } from './shown-value';

// Kept out of the package's root: a check the runners share, not an API of its own.

/**
 * The batch size asked for (100 when none), or a RangeError naming the projection: 0 applied one
 * event per transaction live, NaN never closed a batch before the runner caught up.
 */
export function batchSizeOf(runnable: Runnable, options: RunProjectionOptions): number {
  const size: unknown = options.batchSize ?? 100;
  if (typeof size === 'number' && Number.isSafeInteger(size) && size >= 1) return size;
  throw new RangeError(
    `Projection ${runnable.name}: batchSize must be an integer of at least 1, got ${shownValue(size)}`,
  );
}
