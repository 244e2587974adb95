import { formatMs, percentileKey } from './latency';
import { findCase, metricValues, rssGrowthValues, rssValues, type CaseResult } from './results';
import { pairedRatios, spread, type Spread } from './stats';

/** One goal of issue 8 (or of issue 4, for the lists) and how this run did against it. */
export interface GoalCheck {
  readonly goal: string;
  readonly measured: string;
  /** Undefined when this run did not measure it (e.g. in quick mode). */
  readonly met?: boolean;
}

const median = (values: number[]): number | undefined => (values.length ? spread(values).median : undefined);
const x = (value: number): string => `${value.toFixed(2)}×`;
const atSize = (result: CaseResult): string => `N = ${result.case.size.toLocaleString('en-US')}`;
const perSecond = (value: number): string => `${Math.round(value).toLocaleString('en-US')}/s`;

/** Checks the goals of issue 8 that the results allow to check. */
export function checkGoals(results: readonly CaseResult[]): GoalCheck[] {
  const checks: GoalCheck[] = [];
  const w1At10k = findCase(results, 'W1', 10_000);
  const w1At100k = findCase(results, 'W1', 100_000);

  const oursW1 = w1At10k ? metricValues(w1At10k, 'ours', 'commands') : [];
  const emmettW1 = w1At10k ? metricValues(w1At10k, 'emmett', 'commands') : [];
  checks.push(
    oursW1.length && emmettW1.length
      ? ratioCheck('W1 ≥ 3× Emmett at N = 10,000', pairedRatios(oursW1, emmettW1), 3)
      : { goal: 'W1 ≥ 3× Emmett at N = 10,000', measured: 'not run' },
  );

  // Run i at 100,000 against run i at 10,000: the plan runs the two sizes in turn.
  const oursW1At100k = w1At100k ? metricValues(w1At100k, 'ours', 'commands') : [];
  checks.push(
    oursW1At100k.length && oursW1.length
      ? ratioCheck(
          'W1 ours at N = 100,000 ≥ 0.9 × ours at N = 10,000',
          pairedRatios(oursW1At100k, oursW1),
          0.9,
        )
      : { goal: 'W1 ours at N = 100,000 ≥ 0.9 × ours at N = 10,000', measured: 'not run' },
  );

  const w2 = largest(results, 'W2');
  const oursW2 = w2 ? median(metricValues(w2, 'ours', 'events')) : undefined;
  checks.push(
    oursW2 !== undefined
      ? {
          goal: 'W2 ≥ 3,000,000 events/s',
          measured: `${perSecond(oursW2)} (N = ${w2?.case.size.toLocaleString('en-US')})`,
          met: oursW2 >= 3_000_000,
        }
      : { goal: 'W2 ≥ 3,000,000 events/s', measured: 'not run' },
  );

  const w3 = largest(results, 'W3');
  const oursFold = w3 ? median(metricValues(w3, 'ours', 'fold')) : undefined;
  checks.push(
    oursFold !== undefined
      ? { goal: 'W3 fold ≥ 2,000,000 events/s', measured: perSecond(oursFold), met: oursFold >= 2_000_000 }
      : { goal: 'W3 fold ≥ 2,000,000 events/s', measured: 'not run' },
  );

  checks.push(...listGoals(largest(results, 'W4')));

  for (const [goal, values] of [
    ['W1 peak RSS at N = 10,000 ≤ ½ × Emmett', rssValues],
    ['W1 RSS growth at N = 10,000 ≤ ½ × Emmett', rssGrowthValues],
  ] as const) {
    const ours = w1At10k ? values(w1At10k, 'ours') : [];
    const emmett = w1At10k ? values(w1At10k, 'emmett') : [];
    if (ours.length && emmett.length) {
      const ratio = pairedRatios(ours, emmett).median;
      checks.push({ goal, measured: x(ratio), met: ratio <= 0.5 });
    } else {
      checks.push({ goal, measured: 'not run' });
    }
  }
  return checks;
}

function ratioCheck(goal: string, ratios: Spread, threshold: number): GoalCheck {
  return {
    goal,
    measured: `${x(ratios.median)} (${x(ratios.min)}–${x(ratios.max)})`,
    met: ratios.median >= threshold,
  };
}

/** Issue 4's goals for the lists, on the largest W4 run: page and search p50, apply rate. */
function listGoals(w4: CaseResult | undefined): GoalCheck[] {
  const p50Check = (key: string, goal: string, limitMs: number): GoalCheck => {
    const p50 = w4 ? median(metricValues(w4, 'ours', percentileKey(key, 50))) : undefined;
    return w4 && p50 !== undefined
      ? { goal, measured: `${formatMs(p50)} (${atSize(w4)})`, met: p50 < limitMs }
      : { goal, measured: 'not run' };
  };
  const apply = w4 ? median(metricValues(w4, 'ours', 'apply')) : undefined;
  const applyGoal = 'W4 applying events to both lists ≥ 500,000 events/s';
  return [
    p50Check('page', "W4 a company's Dossiers page p50 < 5 ms", 5),
    p50Check('search', 'W4 free-text search in a company p50 < 50 ms', 50),
    p50Check(
      'managerSearch',
      'W4 free-text search over every transmitted dossier (case manager) p50 < 50 ms',
      50,
    ),
    w4 && apply !== undefined
      ? { goal: applyGoal, measured: `${perSecond(apply)} (${atSize(w4)})`, met: apply >= 500_000 }
      : { goal: applyGoal, measured: 'not run' },
  ];
}

/** The case of a scenario with the largest size that ran for ours. */
function largest(results: readonly CaseResult[], scenario: string): CaseResult | undefined {
  return results
    .filter((result) => result.case.scenario === scenario && (result.runs.ours?.length ?? 0) > 0)
    .sort((a, b) => b.case.size - a.case.size)[0];
}
