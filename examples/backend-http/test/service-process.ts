import { spawn, type ChildProcess } from 'node:child_process';
import * as net from 'node:net';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { FIXTURE_USERS } from '@cartes-badges/domain/fixtures';

const repoRoot = path.resolve(__dirname, '../../..');
// tsx as a loader in the service's own process (not `tsx main.ts`, which runs it in a child):
// a signal sent to the child must reach the process that holds the database and the port.
const tsxLoader = pathToFileURL(require.resolve('tsx', { paths: [repoRoot] })).href;
const main = path.join(__dirname, '..', 'src', 'main.ts');

/** A port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** The service running as `main.ts` runs in production, with what it printed so far. */
export interface ServiceProcess {
  readonly child: ChildProcess;
  readonly url: string;
  /** Resolves with the exit code once the process ended. */
  readonly exited: Promise<number | null>;
  output(): string;
}

/** Starts `main.ts` with `env` and resolves once it answers HTTP (60 s at most). */
export async function startService(env: Record<string, string>): Promise<ServiceProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', tsxLoader, main], {
    cwd: repoRoot,
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the service exited: ${out}`);
    try {
      const response = await fetch(`${url}/brouillons`, { headers: { 'x-user': FIXTURE_USERS.claire.id } });
      if (response.ok) return { child, url, exited, output: () => out };
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) throw new Error(`the service did not answer within 60 s: ${out}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
