/** Summary of repeated measurements. */
export interface Spread {
  readonly median: number;
  readonly min: number;
  readonly max: number;
  readonly count: number;
}

/** Median (mean of the two middle values for an even count), min and max. */
export function spread(values: readonly number[]): Spread {
  if (values.length === 0) throw new Error('spread of no value');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  const median = sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  return { median, min: sorted[0], max: sorted[sorted.length - 1], count: sorted.length };
}

/**
 * Ratios taken pair by pair (run i of A against run i of B, which ran right after it), so that
 * drift of the machine's load hits both sides of each ratio alike.
 */
export function pairedRatios(numerators: readonly number[], denominators: readonly number[]): Spread {
  const pairs = Math.min(numerators.length, denominators.length);
  const ratios: number[] = [];
  for (let i = 0; i < pairs; i++) ratios.push(numerators[i] / denominators[i]);
  return spread(ratios);
}
