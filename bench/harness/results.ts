import type { TargetName } from '../targets/target';
import type { Case } from './plan';
import type { RunResult } from './scenarios';

/** Every run of one case, per library, in the order they ran. */
export interface CaseResult {
  readonly case: Case;
  readonly runs: Partial<Record<TargetName, RunResult[]>>;
  /** Runs that crashed or timed out. */
  readonly failures: string[];
}

/** Values of one metric over the runs of one library in a case. */
export function metricValues(result: CaseResult, target: TargetName, key: string): number[] {
  return (result.runs[target] ?? []).map((run) => run.metrics[key]);
}

/** Peak RSS of each run of one library in a case. */
export function rssValues(result: CaseResult, target: TargetName): number[] {
  return (result.runs[target] ?? []).map((run) => run.peakRss);
}

/** Peak RSS minus the RSS before the measured run: the memory the workload itself added. */
export function rssGrowthValues(result: CaseResult, target: TargetName): number[] {
  return (result.runs[target] ?? []).map((run) => Math.max(0, run.peakRss - run.baseRss));
}

/** The result of a case by scenario and size, if it ran. */
export function findCase(
  results: readonly CaseResult[],
  scenario: string,
  size: number,
): CaseResult | undefined {
  return results.find((result) => result.case.scenario === scenario && result.case.size === size);
}
