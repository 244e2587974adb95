/**
 * `pnpm bench [--quick] [--only=W1,W3] [--repetitions=5] [--profile] [--out=file]`
 *
 * Runs each workload against our kernel and against Emmett, each run in its own child process,
 * alternating libraries (and the cases of a group) run by run, then prints a Markdown report and
 * writes it to a file.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, relative } from 'node:path';
import { loadTarget } from './targets/load';
import type { TargetName } from './targets/target';
import { ChildKilledError, describe, runInChild } from './harness/fork-run';
import { checkGoals } from './harness/goals';
import { describeMachine } from './harness/machine';
import { casesOf, fullPlan, quickPlan, repetitionsOf, type Plan } from './harness/plan';
import { formatRun, renderReport } from './harness/report';
import type { CaseResult } from './harness/results';
import { SCENARIOS, type RunResult, type RunSpec } from './harness/scenarios';

interface Options {
  readonly quick: boolean;
  readonly only?: readonly string[];
  readonly repetitions: number;
  readonly profile: boolean;
  readonly out?: string;
  readonly targets?: readonly TargetName[];
}

function parseOptions(argv: readonly string[]): Options {
  let quick = false;
  let only: string[] | undefined;
  let repetitions: number | undefined;
  let profile = false;
  let out: string | undefined;
  let targets: TargetName[] | undefined;
  for (const arg of argv) {
    const [name, value] = arg.split('=', 2);
    if (name === '--quick') quick = true;
    else if (name === '--profile') profile = true;
    else if (name === '--only' && value) only = value.split(',').map((id) => id.trim().toUpperCase());
    else if (name === '--repetitions' && value && Number.isInteger(Number(value)) && Number(value) >= 1)
      repetitions = Number(value);
    else if (name === '--out' && value) out = value;
    else if (name === '--targets' && value) targets = value.split(',').map(parseTarget);
    else throw new Error(`Unknown option ${arg}: expected ${USAGE}`);
  }
  // --quick checks that every workload runs (3 runs each, within a minute); the figures that
  // count come from the full run's 5.
  return { quick, only, repetitions: repetitions ?? (quick ? 3 : 5), profile, out, targets };
}

const USAGE = '--quick, --only=W1,W2, --targets=ours,emmett, --repetitions=N, --profile, --out=FILE';

function parseTarget(name: string): TargetName {
  if (name === 'ours' || name === 'emmett') return name;
  throw new Error(`Unknown library ${name}: expected ours or emmett`);
}

/** Keeps the cases of the workloads asked for, run against the libraries asked for. */
function selectCases(plan: Plan, options: Options): Plan {
  const { only, targets } = options;
  for (const id of only ?? []) {
    if (!SCENARIOS[id])
      throw new Error(`Unknown workload ${id}: expected one of ${Object.keys(SCENARIOS).join(', ')}`);
  }
  const groups = plan.groups
    .map((group) =>
      group
        .filter((c) => !only || only.includes(c.scenario))
        .map((c) => (targets ? { ...c, targets: c.targets.filter((t) => targets.includes(t)) } : c))
        .filter((c) => c.targets.length > 0),
    )
    .filter((group) => group.length > 0);
  return { ...plan, groups };
}

// A child killed from outside (other work on a shared machine) is run once more; a second
// failure, or a child that threw, is reported as a failure.
async function runWithOneRetry(
  spec: RunSpec,
  profileDir: string | undefined,
  log: (line: string) => void,
): Promise<RunResult> {
  try {
    return await runInChild(spec, { profileDir, timeoutMs: CHILD_TIMEOUT_MS });
  } catch (error) {
    if (!(error instanceof ChildKilledError)) throw error;
    log(`${describe(spec)}: ${error.message}; running it once more`);
    return runInChild(spec, { profileDir, timeoutMs: CHILD_TIMEOUT_MS });
  }
}

const CHILD_TIMEOUT_MS = 10 * 60_000;

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const plan = selectCases(
    options.quick ? quickPlan(options.repetitions) : fullPlan(options.repetitions),
    options,
  );
  const machine = describeMachine();
  const startedAt = new Date();
  const root = join(__dirname, '..');
  const profileDir = options.profile ? join(__dirname, 'results', 'profiles') : undefined;
  if (profileDir) mkdirSync(profileDir, { recursive: true });
  const log = (line: string): void => void process.stderr.write(`${line}\n`);
  log(
    `bench (${plan.mode}): Node ${machine.node}, ${machine.cpu} × ${machine.cores}, commit ${machine.commit.slice(0, 12)}, load ${machine.loadAverage.join(' ')}`,
  );

  const results: CaseResult[] = [];
  const out = options.out ?? join(__dirname, 'results', options.quick ? 'latest-quick.md' : 'latest.md');
  const cases = casesOf(plan);
  const targetsUsed = new Set<TargetName>(cases.flatMap((c) => c.targets));
  const notes: string[] = [];
  for (const name of targetsUsed) notes.push(...(await loadTarget(name)).notes);
  // Written after each group of cases too, so that an interrupted run still leaves what it measured.
  const writeReport = async (complete: boolean): Promise<void> => {
    const report = renderReport({
      plan,
      command: ['pnpm bench', ...process.argv.slice(2)].join(' '),
      machine,
      loadAfter: loadavg().map((value) => Math.round(value * 100) / 100),
      startedAt,
      elapsedSeconds: (Date.now() - startedAt.getTime()) / 1000,
      results,
      goals: checkGoals(results),
      notes: complete ? notes : [...notes, `Partial: ${results.length} of ${cases.length} cases so far.`],
    });
    mkdirSync(join(out, '..'), { recursive: true });
    writeFileSync(out, report);
    if (complete) {
      process.stdout.write(report);
      log(`written to ${relative(root, out)}`);
    }
  };

  const totalRuns = cases.reduce((sum, c) => sum + c.targets.length * repetitionsOf(plan, c), 0);
  let done = 0;
  const runOnce = async (result: CaseResult, target: TargetName): Promise<void> => {
    const spec = { scenario: result.case.scenario, target, size: result.case.size };
    const began = performance.now();
    done++;
    try {
      const run = await runWithOneRetry(spec, profileDir, log);
      (result.runs[target] ??= []).push(run);
      log(
        `[${done}/${totalRuns}] ${describe(spec)}: ${formatRun(spec.scenario, run.metrics)}, peak RSS ${Math.round(run.peakRss / 2 ** 20)} MB (${((performance.now() - began) / 1000).toFixed(1)} s)`,
      );
    } catch (error) {
      result.failures.push(error instanceof Error ? error.message : String(error));
      log(`[${done}/${totalRuns}] ${describe(spec)}: FAILED ${String(error)}`);
    }
  };
  for (const group of plan.groups) {
    const groupResults: CaseResult[] = group.map((c) => ({ case: c, runs: {}, failures: [] }));
    results.push(...groupResults);
    const rounds = Math.max(...group.map((c) => repetitionsOf(plan, c)));
    for (let repetition = 0; repetition < rounds; repetition++) {
      for (const result of groupResults) {
        if (repetition >= repetitionsOf(plan, result.case)) continue;
        for (const target of result.case.targets) await runOnce(result, target);
      }
    }
    await writeReport(false);
  }

  await writeReport(true);
  if (results.some((result) => result.failures.length > 0)) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
