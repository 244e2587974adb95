import type { TargetName } from '../targets/target';

/** One workload at one size, run against each of `targets` in turn (A B A B ...). */
export interface Case {
  readonly scenario: string;
  readonly size: number;
  readonly targets: readonly TargetName[];
  /** A library left out of this case, and why (printed in the table). */
  readonly notRun?: { readonly target: TargetName; readonly reason: string };
}

/** The cases of a run. */
export interface Plan {
  readonly mode: 'full' | 'quick';
  readonly repetitions: number;
  readonly cases: readonly Case[];
}

const BOTH: readonly TargetName[] = ['ours', 'emmett'];

const EMMETT_QUADRATIC =
  "Emmett's in-memory store sums the length of every stream on each append, so one run at this size would take tens of minutes";

/** `pnpm bench`: the sizes issue 8 asks for, within 10 minutes on 2 cores. */
export function fullPlan(repetitions: number): Plan {
  return {
    mode: 'full',
    repetitions,
    cases: [
      { scenario: 'W1', size: 2_000, targets: BOTH },
      { scenario: 'W1', size: 10_000, targets: BOTH },
      { scenario: 'W1-FULL', size: 2_000, targets: ['ours'] },
      { scenario: 'W2', size: 10_000, targets: BOTH },
      { scenario: 'W3', size: 100_000, targets: BOTH },
      { scenario: 'SQLITE', size: 1_000, targets: BOTH },
      { scenario: 'PG', size: 1_000, targets: BOTH },
      // Last: the longest case, so that a run cut short still has every comparison with Emmett.
      {
        scenario: 'W1',
        size: 100_000,
        targets: ['ours'],
        notRun: { target: 'emmett', reason: EMMETT_QUADRATIC },
      },
    ],
  };
}

/** `pnpm bench --quick`: the same workloads, smaller, within a minute. */
export function quickPlan(repetitions: number): Plan {
  return {
    mode: 'quick',
    repetitions,
    cases: [
      { scenario: 'W1', size: 500, targets: BOTH },
      { scenario: 'W1', size: 2_000, targets: BOTH },
      { scenario: 'W1-FULL', size: 100, targets: ['ours'] },
      { scenario: 'W2', size: 2_000, targets: BOTH },
      { scenario: 'W3', size: 10_000, targets: BOTH },
      { scenario: 'SQLITE', size: 100, targets: BOTH },
      { scenario: 'PG', size: 100, targets: BOTH },
    ],
  };
}
