import { fork } from 'node:child_process';
import { join } from 'node:path';
import type { RunResult, RunSpec } from './scenarios';

/** Options of one child run. */
export interface ForkOptions {
  /** Write a V8 CPU profile of the child into this folder. */
  readonly profileDir?: string;
  /** Kill the child after this many milliseconds. */
  readonly timeoutMs: number;
}

/** Runs one spec in a forked process (with tsx's loader, inherited) and resolves with its result. */
export function runInChild(spec: RunSpec, options: ForkOptions): Promise<RunResult> {
  const execArgv = [...process.execArgv, '--expose-gc'];
  if (options.profileDir) {
    // One folder per run: tsx's loader thread writes a (nearly idle) profile of its own beside it.
    const folder = join(options.profileDir, `${spec.scenario}-${spec.target}-${spec.size}-${Date.now()}`);
    execArgv.push('--cpu-prof', `--cpu-prof-dir=${folder}`);
  }
  const child = fork(join(__dirname, 'child.ts'), [JSON.stringify(spec)], { execArgv, stdio: 'inherit' });
  return new Promise((resolve, reject) => {
    let result: RunResult | undefined;
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs);
    child.on('message', (message) => (result = message as RunResult));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (result && code === 0) resolve(result);
      else if (signal) reject(new ChildKilledError(`${describe(spec)} was killed by ${signal}`));
      else reject(new Error(`${describe(spec)} ended with exit code ${code} and no result`));
    });
  });
}

/** "W1 ours N=10000" */
export const describe = (spec: RunSpec): string => `${spec.scenario} ${spec.target} N=${spec.size}`;

/** The child was ended by a signal (a timeout, or something outside the benchmark). */
export class ChildKilledError extends Error {
  override readonly name = 'ChildKilledError';
}
