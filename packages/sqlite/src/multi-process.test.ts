import { scaledTimeout } from '@cartes-badges/eventsourcing/testing';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { verifyStream, type RecordedEvent } from '@cartes-badges/eventsourcing';
import { createSqliteEventStore } from './sqlite-store';

const repoRoot = path.resolve(__dirname, '../../..');
const tsxCli = require.resolve('tsx/cli', { paths: [repoRoot] });
const worker = path.join(__dirname, '__tests__', 'append-worker.ts');

// Runs one append worker in its own Node process; resolves with what it printed.
function runWorker(
  file: string,
  name: string,
  count: number,
  workers: number,
): Promise<{ worker: string; conflicts: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [tsxCli, worker, file, name, String(count), String(workers)], {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0
        ? resolve(JSON.parse(out.trim()) as { worker: string; conflicts: number })
        : reject(new Error(`worker ${name} exited with ${code}: ${err}`)),
    );
  });
}

describe('two processes on one file', () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cb-sqlite-mp-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it(
    'a subscriber in this process sees every event written by two other processes exactly once, in order',
    async () => {
      const file = path.join(dir, 'nested', 'events.db');
      const perWorker = 150;
      // The workers start on a file that does not exist yet: they race this process to create
      // the directory, the file and the schema.
      const workers = [runWorker(file, 'a', perWorker, 2), runWorker(file, 'b', perWorker, 2)];
      const store = createSqliteEventStore({ path: file, pollIntervalMs: 20 });
      try {
        // Each worker: one WorkerReady, then perWorker events on its own stream and on the shared one.
        const expected = 2 * (1 + 2 * perWorker);
        const seen: RecordedEvent[] = [];
        const subscription = store.subscribe();
        const reading = (async () => {
          for await (const event of subscription) {
            seen.push(event);
            if (seen.length === expected) break;
          }
        })();
        const results = await Promise.all(workers);
        const timeout = setTimeout(() => void subscription.close(), 20_000);
        await reading;
        clearTimeout(timeout);

        expect(seen).toHaveLength(expected);
        const keys = seen.map((e) => `${e.streamId}@${e.version}`);
        expect(new Set(keys).size).toBe(expected);
        for (let i = 1; i < seen.length; i++) {
          expect(seen[i].globalPosition > seen[i - 1].globalPosition).toBe(true);
        }
        // What the subscriber saw is exactly what is stored, in the same order.
        const stored: string[] = [];
        for await (const e of store.readAll()) stored.push(`${e.streamId}@${e.version}`);
        expect(keys).toEqual(stored);
        // Each stream's versions arrive contiguous from 0; the shared stream holds every
        // worker's appends once although they raced on it with the expected version.
        for (const stream of ['own-a', 'own-b', 'shared']) {
          const versions = seen.filter((e) => e.streamId === stream).map((e) => e.version);
          expect(versions).toEqual(
            Array.from({ length: stream === 'shared' ? 2 * perWorker : perWorker }, (_, i) => i),
          );
        }
        const shared = seen.filter((e) => e.streamId === 'shared').map((e) => JSON.stringify(e.data));
        expect(new Set(shared).size).toBe(2 * perWorker);
        expect(results.map((r) => r.worker).sort()).toEqual(['a', 'b']);
        // The workers did collide on the shared stream, so the check above was put to the test.
        expect(results.reduce((sum, r) => sum + r.conflicts, 0)).toBeGreaterThan(0);
        // The hash chain, computed inside each process's write transaction, is unbroken.
        for (const stream of ['own-a', 'own-b', 'shared']) {
          expect(await verifyStream(store, stream)).toMatchObject({ ok: true });
        }
      } finally {
        await store.close();
      }
    },
    scaledTimeout(60_000),
  );
});
