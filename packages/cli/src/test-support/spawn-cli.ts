import { scaledTimeout } from '@cartes-badges/eventsourcing/testing';
import { spawn } from 'node:child_process';
import * as path from 'node:path';

/** The repository root (tests spawn the CLI from there, as a user would in development). */
export const REPO_ROOT = path.resolve(__dirname, '../../../..');

/**
 * The timeout for a test that spawns the CLI: tsx start-up takes about a second on an idle
 * machine and was measured at 7-16 s on 2 cores at load 25, so leave room for worse.
 */
export const SPAWN_TIMEOUT = scaledTimeout(180_000);

/** What a CLI process gave back. */
export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `cartes-badges <args>` as a process (tsx on the sources, no build), stdout/stderr piped. */
export function cli(args: readonly string[], env: Record<string, string> = {}): Promise<CliRun> {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env };
  if (env.CARTES_BADGES_STORE === undefined) delete childEnv.CARTES_BADGES_STORE;
  return new Promise((resolve, reject) => {
    const child = spawn(
      path.join(REPO_ROOT, 'node_modules/.bin/tsx'),
      [path.join(REPO_ROOT, 'packages/cli/src/bin.ts'), ...args],
      { cwd: REPO_ROOT, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
