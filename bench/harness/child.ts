/**
 * Runs one workload against one library in a fresh process (forked by run.ts), so that its
 * peak memory is its own and no JIT or heap state leaks from one library to the other.
 */
import { loadTarget } from '../targets/load';
import { SCENARIOS, type RunResult, type RunSpec } from './scenarios';

async function main(): Promise<void> {
  const spec = JSON.parse(process.argv[2] ?? '') as RunSpec;
  const scenario = SCENARIOS[spec.scenario];
  if (!scenario) throw new Error(`Unknown scenario ${spec.scenario}`);
  const target = await loadTarget(spec.target);
  // Warm-up: the same code on a smaller store, so that the measured run sees optimised code.
  await scenario.run(target, scenario.warmUpSize(spec.size));
  collectGarbage();
  // What the process holds before the measured run: Node, tsx and the library, loaded and warm.
  const baseRss = process.memoryUsage().rss;
  const metrics = await scenario.run(target, spec.size);
  // maxRSS is in kilobytes.
  const peakRss = process.resourceUsage().maxRSS * 1024;
  const result: RunResult = { metrics, peakRss, baseRss };
  process.send?.(result);
}

function collectGarbage(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) gc();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
