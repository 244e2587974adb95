import { spawn } from 'node:child_process';
import * as path from 'node:path';

const repoRoot = path.resolve(__dirname, '../..');
const tsxCli = require.resolve('tsx/cli', { paths: [repoRoot] });

/**
 * Runs a TypeScript worker in another process (tsx) and resolves with whether it was killed
 * (SIGKILL: tsx runs the script in a child of its own and reports its SIGKILL as exit code 137)
 * or finished; any other exit rejects with the worker's stderr. The crash tests' harness.
 */
export function runKillableWorker(worker: string, args: readonly string[]): Promise<'killed' | 'finished'> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [tsxCli, worker, ...args], {
      cwd: repoRoot,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let err = '';
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL' || code === 137) resolve('killed');
      else if (code === 0) resolve('finished');
      else reject(new Error(`${path.basename(worker)} exited with ${code ?? signal}: ${err}`));
    });
  });
}
