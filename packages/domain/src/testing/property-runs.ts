/**
 * How many runs a property test makes: `normal`, or fewer when `MUTATION_PROPERTY_RUNS` says so.
 * Under Stryker (scripts/mutation.sh) every mutant that survives runs each property test covering
 * it in full; with the whole dossier covered by two property tests of 300 runs, those runs were
 * most of a scope's time. Fewer runs can only miss a kill, never add one, so a score measured
 * with them is a lower bound. The plain test command never sets the variable.
 */
export function propertyRuns(normal: number): number {
  const asked = process.env.MUTATION_PROPERTY_RUNS;
  if (asked === undefined || asked === '') return normal;
  const runs = Number(asked);
  if (!Number.isInteger(runs) || runs < 1) {
    throw new Error(`MUTATION_PROPERTY_RUNS must be a whole number of at least 1 (got ${asked})`);
  }
  return Math.min(normal, runs);
}
