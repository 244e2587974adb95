import type { TargetName } from '../targets/target';

/** One workload at one size, run against each of `targets` in turn (A B A B ...). */
export interface Case {
  readonly scenario: string;
  readonly size: number;
  readonly targets: readonly TargetName[];
  /** A library left out of this case, and why (printed in the table). */
  readonly notRun?: { readonly target: TargetName; readonly reason: string };
  /** Runs of this case when fewer than the plan's repetitions (one run is long). */
  readonly maxRepetitions?: number;
}

/** The cases of a run. */
export interface Plan {
  readonly mode: 'full' | 'quick';
  readonly repetitions: number;
  /**
   * The cases in the order they run. The cases of one group take turns run by run, as libraries
   * do within a case, so that a ratio between two of them can be taken run by run too.
   */
  readonly groups: readonly (readonly Case[])[];
}

/** Every case of a plan, in order. */
export const casesOf = (plan: Plan): readonly Case[] => plan.groups.flat();

/** How many times a case runs in a plan. */
export const repetitionsOf = (plan: Plan, c: Case): number =>
  Math.min(plan.repetitions, c.maxRepetitions ?? plan.repetitions);

const BOTH: readonly TargetName[] = ['ours', 'emmett'];

const EMMETT_QUADRATIC =
  "Emmett's in-memory store sums the length of every stream on each append, so one run at this size would take tens of minutes";

// A W4 run builds both lists for N dossiers (about 40 s and 2 GB at 1,000,000): 3 runs instead
// of 5 keep the full plan within 10 minutes; each run times its queries many times over (see
// W4_QUERIES), so each run gives a p50 and p99 of its own. One run in --quick (about
// 5 s at 100,000), which is there to check that the workload works, not to measure it.
const W4_RUNS = 3;
const W4_QUICK_RUNS = 1;

/** `pnpm bench`: the sizes issue 8 asks for, within 10 minutes on 2 cores. */
export function fullPlan(repetitions: number): Plan {
  return {
    mode: 'full',
    repetitions,
    groups: [
      [{ scenario: 'W1', size: 2_000, targets: BOTH }],
      // Ours at 10,000 and at 100,000 take turns (10k, 100k, 10k, 100k), so that the scaling
      // goal's ratio is taken run by run. Emmett runs first in its case: each run of ours at
      // 10,000 then sits between the two runs it is compared with.
      [
        { scenario: 'W1', size: 10_000, targets: ['emmett', 'ours'] },
        {
          scenario: 'W1',
          size: 100_000,
          targets: ['ours'],
          notRun: { target: 'emmett', reason: EMMETT_QUADRATIC },
        },
      ],
      [{ scenario: 'W1-FULL', size: 2_000, targets: ['ours'] }],
      [{ scenario: 'W2', size: 10_000, targets: BOTH }],
      [{ scenario: 'W3', size: 100_000, targets: BOTH }],
      [{ scenario: 'SQLITE', size: 1_000, targets: BOTH }],
      [{ scenario: 'PG', size: 1_000, targets: BOTH }],
      // Last: the longest case, so that a run cut short still has every comparison with Emmett.
      [{ scenario: 'W4', size: 1_000_000, targets: ['ours'], maxRepetitions: W4_RUNS }],
    ],
  };
}

/** `pnpm bench --quick`: the same workloads, smaller, within a minute. */
export function quickPlan(repetitions: number): Plan {
  return {
    mode: 'quick',
    repetitions,
    groups: [
      [{ scenario: 'W1', size: 2_000, targets: BOTH }],
      [{ scenario: 'W1-FULL', size: 100, targets: ['ours'] }],
      [{ scenario: 'W2', size: 2_000, targets: BOTH }],
      [{ scenario: 'W3', size: 10_000, targets: BOTH }],
      [{ scenario: 'SQLITE', size: 100, targets: BOTH }],
      [{ scenario: 'PG', size: 100, targets: BOTH }],
      [{ scenario: 'W4', size: 100_000, targets: ['ours'], maxRepetitions: W4_QUICK_RUNS }],
    ],
  };
}
