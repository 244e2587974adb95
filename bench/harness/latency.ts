/** A query a scenario times many times in each run (lower is better). */
export interface LatencySpec {
  readonly key: string;
  readonly label: string;
  /** Calls timed in each run; from 100 up, the p99 is more than the one slowest call. */
  readonly samples: number;
}

/** The percentiles a run reports of each query's times. */
export const PERCENTILES = [50, 99] as const;
export type Percentile = (typeof PERCENTILES)[number];

/** Where a query's percentile sits among a run's metrics: `pageP99`. */
export const percentileKey = (key: string, percentile: Percentile): string => `${key}P${percentile}`;

/**
 * Times `samples` calls of `query`, one after the other, on the wall clock (what a user waits),
 * and returns their percentiles in milliseconds under the query's percentile keys.
 */
export async function timeQuery(
  spec: LatencySpec,
  query: (sample: number) => Promise<unknown>,
): Promise<Record<string, number>> {
  const times: number[] = [];
  for (let sample = 0; sample < spec.samples; sample++) {
    const startedAt = performance.now();
    await query(sample);
    times.push(performance.now() - startedAt);
  }
  times.sort((a, b) => a - b);
  // Nearest rank: with 35 samples the p99 is the slowest of them.
  const at = (percentile: Percentile): number =>
    times[Math.min(times.length - 1, Math.floor((percentile / 100) * times.length))];
  return Object.fromEntries(
    PERCENTILES.map((percentile) => [percentileKey(spec.key, percentile), at(percentile)]),
  );
}

/** Milliseconds with three significant digits, whole from 100 up: 0.190 ms, 12.9 ms, 536 ms. */
export const formatMs = (value: number): string =>
  `${value >= 100 ? Math.round(value) : value.toPrecision(3)} ms`;
