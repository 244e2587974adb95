import { findCase, metricValues, rssGrowthValues, rssValues, type CaseResult } from './results';
import { pairedRatios, spread } from './stats';

/** One goal of issue 8 and how this run did against it. */
export interface GoalCheck {
  readonly goal: string;
  readonly measured: string;
  /** Undefined when this run did not measure it (e.g. in quick mode). */
  readonly met?: boolean;
}

const median = (values: number[]): number | undefined => (values.length ? spread(values).median : undefined);
const x = (value: number): string => `${value.toFixed(2)}×`;
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
      ? ratioCheck('W1 ≥ 3× Emmett at N = 10,000', pairedRatios(oursW1, emmettW1).median, 3)
      : { goal: 'W1 ≥ 3× Emmett at N = 10,000', measured: 'not run' },
  );

  const oursW1At100k = w1At100k ? median(metricValues(w1At100k, 'ours', 'commands')) : undefined;
  const oursW1At10k = median(oursW1);
  checks.push(
    oursW1At100k !== undefined && oursW1At10k !== undefined
      ? ratioCheck('W1 ours at N = 100,000 ≥ 0.9 × ours at N = 10,000', oursW1At100k / oursW1At10k, 0.9)
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

function ratioCheck(goal: string, ratio: number, threshold: number): GoalCheck {
  return { goal, measured: x(ratio), met: ratio >= threshold };
}

/** The case of a scenario with the largest size that ran for ours. */
function largest(results: readonly CaseResult[], scenario: string): CaseResult | undefined {
  return results
    .filter((result) => result.case.scenario === scenario && (result.runs.ours?.length ?? 0) > 0)
    .sort((a, b) => b.case.size - a.case.size)[0];
}
