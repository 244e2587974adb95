import type { TargetName } from '../targets/target';
import type { GoalCheck } from './goals';
import type { Machine } from './machine';
import { formatMs, PERCENTILES, percentileKey } from './latency';
import { repetitionsOf, type Plan } from './plan';
import { metricValues, rssGrowthValues, rssValues, type CaseResult } from './results';
import { SCENARIOS } from './scenarios';
import { pairedRatios, spread, type Spread } from './stats';

/** Everything a report is made of. */
export interface ReportInput {
  readonly plan: Plan;
  readonly command: string;
  readonly machine: Machine;
  readonly loadAfter: readonly number[];
  readonly startedAt: Date;
  readonly elapsedSeconds: number;
  readonly results: readonly CaseResult[];
  readonly goals: readonly GoalCheck[];
  readonly notes: readonly string[];
}

/** Rates with three significant digits and a unit prefix: 1.23 M, 456 k. */
export function formatRate(value: number): string {
  if (value >= 1e6) return `${(value / 1e6).toPrecision(3)} M`;
  if (value >= 1e3) return `${(value / 1e3).toPrecision(3)} k`;
  return value.toPrecision(3);
}

/** One run's figures for the progress log: `apply 412 k/s, page p50 0.190 ms p99 0.912 ms`. */
export function formatRun(scenarioId: string, metrics: Record<string, number>): string {
  const scenario = SCENARIOS[scenarioId];
  const rates = scenario.metrics.map((metric) => `${metric.key} ${formatRate(metrics[metric.key])}/s`);
  const latencies = (scenario.latencies ?? []).map(
    (spec) =>
      `${spec.key} ${PERCENTILES.map((p) => `p${p} ${formatMs(metrics[percentileKey(spec.key, p)])}`).join(' ')}`,
  );
  return [...rates, ...latencies].join(', ');
}

const formatMb = (bytes: number): string => `${Math.round(bytes / 2 ** 20)} MB`;
const formatRatio = (value: number): string => `${value.toFixed(2)}×`;
// A single run (W4 in --quick, or --repetitions=1) has no range to show.
const withSpread = (s: Spread, format: (value: number) => string): string =>
  s.count > 1 ? `${format(s.median)} (${format(s.min)}–${format(s.max)})` : format(s.median);
const size = (n: number): string => n.toLocaleString('en-US');

/** The Markdown report: machine, throughput table, query times, memory table, goals, notes. */
export function renderReport(input: ReportInput): string {
  const { machine, plan } = input;
  const lines: string[] = [];
  lines.push(`# Benchmark results (${plan.mode})`, '');
  lines.push(`- Command: \`${input.command}\``);
  lines.push(`- Date: ${input.startedAt.toISOString()}, ${Math.round(input.elapsedSeconds)} s in all`);
  lines.push(`- Node ${machine.node}; ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGb} GiB`);
  lines.push(`- Commit ${machine.commit}${machine.dirty ? ' (with uncommitted changes)' : ''}`);
  lines.push(
    `- Load average (1/5/15 min): ${machine.loadAverage.join(' / ')} before, ${input.loadAfter.join(' / ')} after`,
  );
  const fewerRuns = input.results.flatMap((result) => {
    const runs = repetitionsOf(plan, result.case);
    return runs < plan.repetitions
      ? [`${result.case.scenario} at N = ${size(result.case.size)}: ${runs} run${runs > 1 ? 's' : ''}`]
      : [];
  });
  const turns = plan.groups
    .filter((group) => group.length > 1)
    .map((group) => group.map((c) => `${c.scenario} at N = ${size(c.size)}`).join(' and '));
  lines.push(
    `- Each figure: median (min–max) of ${plan.repetitions} runs${fewerRuns.length ? ` (fewer where one run is long: ${fewerRuns.join('; ')})` : ''}, ` +
      'each in its own process after an in-process warm-up; libraries alternate run by run (A B A B)' +
      `${turns.map((t) => `, and so do ${t}`).join('')}; ratios are the median (min–max) of the run-by-run ratios.`,
  );
  lines.push('', '## Throughput (higher is better)', '');
  lines.push('| Workload | N | Metric | Ours | Emmett | Ours / Emmett |', '|---|---:|---|---:|---:|---:|');
  for (const result of input.results) {
    const scenario = SCENARIOS[result.case.scenario];
    for (const metric of scenario.metrics) {
      const cell = (target: TargetName): string => {
        const values = metricValues(result, target, metric.key);
        if (values.length) return withSpread(spread(values), formatRate);
        return result.case.notRun?.target === target ? 'not run¹' : '—';
      };
      const ours = metricValues(result, 'ours', metric.key);
      const emmett = metricValues(result, 'emmett', metric.key);
      const ratio = ours.length && emmett.length ? withSpread(pairedRatios(ours, emmett), formatRatio) : '—';
      lines.push(
        `| ${scenario.id} ${scenario.title} | ${size(result.case.size)} | ${metric.label} | ${cell('ours')} | ${cell('emmett')} | ${ratio} |`,
      );
    }
  }
  const timed = input.results.flatMap((result) =>
    (SCENARIOS[result.case.scenario].latencies ?? []).map((spec) => ({ result, spec })),
  );
  // Ours only: the timed queries are the domain's lists, which Emmett has no counterpart of.
  if (timed.length > 0) {
    lines.push('', '## Query times, ours (lower is better)', '');
    lines.push(
      'p50 and p99 (nearest rank) of the samples timed one after the other in each run, on the wall clock;',
      'each cell: median (min–max) over the runs.',
      '',
      '| Workload | N | Query | Samples per run | p50 | p99 |',
      '|---|---:|---|---:|---:|---:|',
    );
    for (const { result, spec } of timed) {
      const scenario = SCENARIOS[result.case.scenario];
      const [p50, p99] = PERCENTILES.map((p) => {
        const values = metricValues(result, 'ours', percentileKey(spec.key, p));
        return values.length ? withSpread(spread(values), formatMs) : '—';
      });
      lines.push(
        `| ${scenario.id} ${scenario.title} | ${size(result.case.size)} | ${spec.label} | ${spec.samples} | ${p50} | ${p99} |`,
      );
    }
  }
  lines.push('', '## Peak RSS of the process running the workload (lower is better)', '');
  lines.push(
    'Peak: the whole process (Node, tsx, the library and the workload). Growth: peak minus the RSS right',
    'before the measured run, i.e. what the workload itself added.',
    '',
    '| Workload | N | Ours peak | Emmett peak | Ratio | Ours growth | Emmett growth | Ratio |',
    '|---|---:|---:|---:|---:|---:|---:|---:|',
  );
  const cell = (values: number[]): string => (values.length ? withSpread(spread(values), formatMb) : '—');
  const ratioCell = (ours: number[], emmett: number[]): string =>
    ours.length && emmett.length ? withSpread(pairedRatios(ours, emmett), formatRatio) : '—';
  for (const result of input.results) {
    const scenario = SCENARIOS[result.case.scenario];
    const [ours, emmett] = [rssValues(result, 'ours'), rssValues(result, 'emmett')];
    const [oursGrowth, emmettGrowth] = [rssGrowthValues(result, 'ours'), rssGrowthValues(result, 'emmett')];
    lines.push(
      `| ${scenario.id} ${scenario.title} | ${size(result.case.size)} | ${cell(ours)} | ${cell(emmett)} | ${ratioCell(ours, emmett)} | ` +
        `${cell(oursGrowth)} | ${cell(emmettGrowth)} | ${ratioCell(oursGrowth, emmettGrowth)} |`,
    );
  }
  lines.push('', '## Goals of issue 8', '', '| Goal | Measured | Met |', '|---|---:|---|');
  for (const check of input.goals) {
    const met = check.met === undefined ? '—' : check.met ? 'yes' : '**no**';
    lines.push(`| ${check.goal} | ${check.measured} | ${met} |`);
  }
  const failures = input.results.flatMap((result) => result.failures);
  const notRun = [
    ...new Set(input.results.flatMap((result) => (result.case.notRun ? [result.case.notRun.reason] : []))),
  ];
  lines.push('', '## Notes', '');
  for (const reason of notRun) lines.push(`- ¹ ${reason}.`);
  for (const note of input.notes) lines.push(`- ${note}`);
  for (const failure of failures) lines.push(`- FAILED: ${failure}`);
  return `${lines.join('\n')}\n`;
}
