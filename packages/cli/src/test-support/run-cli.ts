import { run } from '../program';
import type { CliRun } from './spawn-cli';

// The CLI run inside the test's own process: the same `run` the executable calls, with
// stdout, stderr and the exit code captured. Spawning tsx for each command cost 1-2 s on an
// idle machine and over 30 s on a loaded one; this costs what the command itself costs.
// Runs are queued one at a time because stdout, stderr, process.env and process.exitCode are
// the process's own: two runs at once would mix their output.

let queue: Promise<unknown> = Promise.resolve();

/** Runs `cartes-badges <args>` in this process (queued), as `cli` in spawn-cli does as a process. */
export function cli(args: readonly string[], env: Record<string, string> = {}): Promise<CliRun> {
  const result = queue.then(() => runCaptured(args, env));
  queue = result.catch(() => undefined);
  return result;
}

type Write = typeof process.stdout.write;

async function runCaptured(args: readonly string[], env: Record<string, string>): Promise<CliRun> {
  const savedEnv = { ...process.env };
  const savedExitCode = process.exitCode;
  const writes = { stdout: process.stdout.write, stderr: process.stderr.write };
  const captured = { stdout: '', stderr: '' };
  const capture = (into: 'stdout' | 'stderr'): Write =>
    ((chunk: string | Uint8Array, encoding?: unknown, callback?: unknown): boolean => {
      captured[into] += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
      const done = [encoding, callback].find((arg) => typeof arg === 'function') as (() => void) | undefined;
      if (done) process.nextTick(done);
      return true;
    }) as Write;
  // Like the spawned process: only the env given, never a store left in the test's environment.
  if (env.CARTES_BADGES_STORE === undefined) delete process.env.CARTES_BADGES_STORE;
  Object.assign(process.env, env);
  process.exitCode = undefined;
  process.stdout.write = capture('stdout');
  process.stderr.write = capture('stderr');
  try {
    const code = await run(['node', 'cartes-badges', ...args]);
    return { code, ...captured };
  } finally {
    process.stdout.write = writes.stdout;
    process.stderr.write = writes.stderr;
    process.exitCode = savedExitCode;
    for (const key of Object.keys(process.env)) if (!(key in savedEnv)) delete process.env[key];
    Object.assign(process.env, savedEnv);
  }
}
