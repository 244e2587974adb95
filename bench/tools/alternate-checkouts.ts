/**
 * `npx tsx bench/tools/alternate-checkouts.ts BEFORE_DIR AFTER_DIR PAIRS W1:20000,W1-FULL:3000,W4:200000`
 *
 * Our library's workloads from two checkouts of this repository, taken in pairs whose order
 * alternates (before then after, after then before, ...), each run in a fresh process of its own
 * checkout (its `bench/harness/child.ts`, its sources through its own tsconfig paths). On a shared
 * machine the load drifts over minutes: a ratio taken within a pair, whose two runs follow each
 * other, suffers less from that drift than one taken between medians. Prints each run (with the
 * load average when it ended), then per metric the median of each side and of the per-pair ratios
 * (after / before), with their min–max. Each checkout needs its own `pnpm install` and
 * `npm --prefix bench ci`. Unlike compare-checkouts.sh, the sizes are chosen here, and W4's query
 * times are kept.
 */
import { fork } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';

type Side = 'before' | 'after';
interface Spec {
  readonly scenario: string;
  readonly size: number;
}
type Metrics = Record<string, number>;

const [beforeArg, afterArg, pairsArg, specsArg] = process.argv.slice(2);
if (!beforeArg || !afterArg || !pairsArg || !specsArg)
  throw new Error('Usage: alternate-checkouts.ts BEFORE_DIR AFTER_DIR PAIRS W1:20000,W4:200000');
const checkouts: Record<Side, string> = { before: resolve(beforeArg), after: resolve(afterArg) };
const pairs = Number(pairsArg);
const specs: readonly Spec[] = specsArg.split(',').map((item) => {
  const [scenario = '', size = ''] = item.split(':');
  if (!scenario || !Number.isInteger(Number(size))) throw new Error(`Expected WORKLOAD:SIZE, got ${item}`);
  return { scenario: scenario.toUpperCase(), size: Number(size) };
});

/**
 * CPU seconds (user + system) of the child processes this one has waited for, from
 * /proc/self/stat (cutime, cstime; 100 ticks a second on Linux). A run's difference is its
 * child's whole process: start, tsx, warm-up and measured run. On a machine shared with other
 * work, CPU time moves far less than wall time, which counts the waits for a core.
 */
function childrenCpuSeconds(): number {
  const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ');
  // After "pid (comm) ", field 3 (state) is at index 0: cutime is field 16, cstime field 17.
  return (Number(fields[13]) + Number(fields[14])) / 100;
}

/** One measured run of `spec` in the checkout `dir`: a child process, as run.ts forks them. */
function runOnce(dir: string, spec: Spec): Promise<Metrics> {
  const child = fork(
    join(dir, 'bench/harness/child.ts'),
    [JSON.stringify({ ...spec, target: 'ours' })],
    // cwd: tsx resolves @cartes-badges/* through the tsconfig of the checkout being measured.
    { cwd: dir, execArgv: [...process.execArgv, '--expose-gc'], stdio: 'inherit' },
  );
  return new Promise((done, fail) => {
    let metrics: Metrics | undefined;
    child.on('message', (message) => (metrics = (message as { metrics: Metrics }).metrics));
    child.on('exit', (code) =>
      metrics && code === 0 ? done(metrics) : fail(new Error(`${dir} ${spec.scenario}: exit ${code}`)),
    );
  });
}

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};
const range = (values: readonly number[], digits: number): string =>
  `${median(values).toFixed(digits)} (${Math.min(...values).toFixed(digits)}–${Math.max(...values).toFixed(digits)})`;

async function main(): Promise<void> {
  // results[key][side][pair]: key is "W1 commands", "W4 company page p50", ...
  const results = new Map<string, Record<Side, number[]>>();
  const loads: number[] = [];
  for (let pair = 0; pair < pairs; pair++) {
    const order: readonly Side[] = pair % 2 === 0 ? ['before', 'after'] : ['after', 'before'];
    for (const spec of specs) {
      for (const side of order) {
        const cpuBefore = childrenCpuSeconds();
        const metrics = { ...(await runOnce(checkouts[side], spec)) };
        metrics['process CPU s'] = childrenCpuSeconds() - cpuBefore;
        const load = loadavg()[0]!;
        loads.push(load);
        for (const [name, value] of Object.entries(metrics)) {
          const key = `${spec.scenario} N=${spec.size} ${name}`;
          const entry = results.get(key) ?? { before: [], after: [] };
          entry[side][pair] = value;
          results.set(key, entry);
        }
        const shown = Object.entries(metrics).map(([name, value]) => `${name}=${value.toPrecision(4)}`);
        console.log(
          `pair ${pair + 1} ${side} ${spec.scenario} N=${spec.size} load=${load.toFixed(1)} ${shown.join(' ')}`,
        );
      }
    }
  }
  console.log(`\nload average (1 min) after each run: ${range(loads, 1)}`);
  console.log('| metric | before | after | after / before, per pair |');
  console.log('|---|---:|---:|---:|');
  for (const [key, { before, after }] of results) {
    const ratios = before.map((value, pair) => after[pair]! / value);
    const digits = median(before) < 10 ? 3 : median(before) < 1000 ? 1 : 0;
    console.log(`| ${key} | ${range(before, digits)} | ${range(after, digits)} | ${range(ratios, 2)} |`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
