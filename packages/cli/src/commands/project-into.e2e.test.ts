// `cartes-badges project <module> --into …` spawned as a process on a demo SQLite file: the
// table is created, resumed, followed live, and refuses a module that is not a row projection.
// The demo runs in this process (run-cli); `project` is spawned because it loads the module
// through tsx's ESM loader, which jest's VM cannot host.
import { openDossierSqlite } from '../test-support/protected-store';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { foldRows, rowProjectionRunnable, runProjectionOnce } from '@cartes-badges/eventsourcing';
import type { RecordedEvent } from '@cartes-badges/eventsourcing';
import { openSqliteRowProjection } from '@cartes-badges/sqlite';
import { projection } from '../../../../examples/analyst/src/projections/dossier-rows';
import { cli } from '../test-support/run-cli';
import { cli as spawnCli, REPO_ROOT, SPAWN_TIMEOUT } from '../test-support/spawn-cli';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cartes-badges-project-into-'));
const eventsFile = path.join(dir, 'events.db');
const store = `sqlite:${eventsFile}`;
const into = `sqlite:${path.join(dir, 'analyses.db')}`;
const moduleFile = path.join(REPO_ROOT, 'examples/analyst/src/projections/dossier-rows.ts');

async function expectTableIsTheFold(): Promise<number> {
  const events = openDossierSqlite(eventsFile);
  const table = openSqliteRowProjection(path.join(dir, 'analyses.db'), projection);
  try {
    const all: RecordedEvent[] = [];
    for await (const event of events.readAll({ filter: projection.filter })) all.push(event);
    const expected = foldRows(projection, all as never);
    expect(new Map([...(await table.rows())].sort())).toEqual(new Map([...expected].sort()));
    expect(rowProjectionRunnable(projection, table).version).toBe(1);
    return expected.size;
  } finally {
    table.close();
    await events.close();
  }
}

beforeAll(async () => {
  const run = await cli(['demo', '--dossiers', '10', '--store', store]);
  if (run.code !== 0) throw new Error(`demo failed: ${run.stderr}`);
}, SPAWN_TIMEOUT);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('cartes-badges project --into', () => {
  it(
    'creates the table with the full fold, then resumes with only what was appended since',
    async () => {
      const first = await spawnCli(['project', moduleFile, '--into', into, '--store', store]);
      expect(first.code).toBe(0);
      expect(first.stderr).toContain('table créée (rows_dossiers_analyse');
      const rows = await expectTableIsTheFold();
      expect(rows).toBeGreaterThan(10);
      const again = await spawnCli(['project', moduleFile, '--into', into, '--store', store]);
      expect(again.stderr).toMatch(/reprise après la position \d+/);
      expect(again.stderr).toMatch(/: 0 événements en/);
      // More dossiers: the next run applies only the new events.
      expect((await cli(['demo', '--dossiers', '14', '--store', store])).code).toBe(0);
      const third = await spawnCli(['project', moduleFile, '--into', into, '--store', store]);
      expect(third.code).toBe(0);
      expect(third.stderr).not.toMatch(/: 0 événements en/);
      expect(await expectTableIsTheFold()).toBeGreaterThan(rows);
    },
    SPAWN_TIMEOUT,
  );

  it(
    '--follow keeps the table live until SIGTERM',
    async () => {
      const child = spawn(
        path.join(REPO_ROOT, 'node_modules/.bin/tsx'),
        [
          path.join(REPO_ROOT, 'packages/cli/src/bin.ts'),
          'project',
          moduleFile,
          '--into',
          into,
          '--follow',
          '--store',
          store,
        ],
        { cwd: REPO_ROOT, stdio: ['ignore', 'ignore', 'pipe'] },
      );
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
      const waitFor = async (pattern: RegExp): Promise<void> => {
        for (let i = 0; i < 600 && !pattern.test(stderr); i += 1)
          await new Promise((r) => setTimeout(r, 100));
        expect(stderr).toMatch(pattern);
      };
      await waitFor(/Suit les nouveaux événements/);
      expect((await cli(['demo', '--dossiers', '18', '--store', store])).code).toBe(0);
      await waitFor(/\+\d+ événements, position \d+/);
      // The new events may come in more than one batch: the table gets there within seconds.
      for (let i = 0; i < 50; i += 1) {
        const caughtUp = await expectTableIsTheFold().then(
          () => true,
          () => false,
        );
        if (caughtUp) break;
        await new Promise((r) => setTimeout(r, 200));
      }
      await expectTableIsTheFold();
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(stderr).toMatch(/Arrêt \(SIGTERM\) à la position \d+/);
    },
    SPAWN_TIMEOUT,
  );

  it(
    'refuses a module that is not a row projection (exit 5) and --into with --out (exit 2)',
    async () => {
      const [notRows, both] = await Promise.all([
        spawnCli([
          'project',
          path.join(REPO_ROOT, 'examples/analyst/src/projections/presaisie-refusal-rate.ts'),
          '--into',
          into,
          '--store',
          store,
        ]),
        spawnCli(['project', moduleFile, '--into', into, '--out', 'x.csv', '--store', store]),
      ]);
      expect([notRows.code, notRows.stderr]).toEqual([5, expect.stringContaining('defineRowProjection')]);
      expect([both.code, both.stderr]).toEqual([2, expect.stringContaining('--into et --out')]);
    },
    SPAWN_TIMEOUT,
  );

  it(
    'says why a table cannot be opened: columns changed without a new version (exit 5), PostgreSQL out of reach (exit 4)',
    async () => {
      // A table built by this version of the projection, then a module that changes its
      // columns but keeps its version: the table refuses it, and nothing is written.
      const builtFile = path.join(dir, 'built.db');
      const events = openDossierSqlite(eventsFile);
      const table = openSqliteRowProjection(builtFile, projection);
      try {
        await runProjectionOnce(events, rowProjectionRunnable(projection, table));
      } finally {
        table.close();
        await events.close();
      }
      const changedModule = path.join(dir, 'changed-columns.ts');
      fs.writeFileSync(
        changedModule,
        `import { projection as original } from ${JSON.stringify(moduleFile)};\n` +
          "export const projection = { ...original, columns: [...original.columns, { name: 'ajout', type: 'text' }] };\n",
      );
      const before = fs.readFileSync(builtFile);
      const [changed, unreachable] = await Promise.all([
        spawnCli(['project', changedModule, '--into', `sqlite:${builtFile}`, '--store', store]),
        spawnCli(['project', moduleFile, '--into', 'postgres://127.0.0.1:1/test', '--store', store]),
      ]);
      expect([changed.code, changed.stderr]).toEqual([
        5,
        expect.stringContaining('its columns changed but its version did not'),
      ]);
      expect(fs.readFileSync(builtFile).equals(before)).toBe(true);
      expect([unreachable.code, unreachable.stderr]).toEqual([
        4,
        expect.stringContaining('PostgreSQL injoignable'),
      ]);
      expect(unreachable.stderr).not.toMatch(/\n\s+at /);
    },
    SPAWN_TIMEOUT,
  );
});
