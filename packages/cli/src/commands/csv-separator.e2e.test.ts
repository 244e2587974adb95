import { scaledTimeout } from '@cartes-badges/eventsourcing/testing';
// Every command that writes CSV refuses a --separator no reader splits right (exit 2, the option
// named), before it opens the store or creates a file: `export lists` and `export rows` took any
// string (an empty one ran the columns together), `project` took a quote or a line break.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPO_ROOT } from '../test-support/spawn-cli';
import { cli } from '../test-support/run-cli';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cartes-badges-separator-'));
const store = `sqlite:${path.join(dir, 'events.db')}`;
const rowsModule = path.join(REPO_ROOT, 'examples/analyst/src/projections/dossier-rows.ts');
const refusalModule = path.join(REPO_ROOT, 'examples/analyst/src/projections/presaisie-refusal-rate.ts');

beforeAll(async () => {
  const run = await cli(['demo', '--dossiers', '2', '--store', store]);
  if (run.code !== 0) throw new Error(`demo failed: ${run.stderr}`);
}, scaledTimeout(120_000));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const unreadable = ['', ';;', '"', '\n', '\r', '\u0000', '\uD800'];

describe('--separator of the commands that write CSV', () => {
  it.each(unreadable.map((separator) => [JSON.stringify(separator), separator]))(
    'export lists, export rows and project refuse %s (exit 2, --separator named), writing nothing',
    async (_shown, separator) => {
      const out = (name: string) => path.join(dir, `${name}.csv`);
      const runs = [
        await cli([
          'export',
          'lists',
          'dossiers',
          '--format',
          'csv',
          '--separator',
          separator,
          '--store',
          store,
        ]),
        await cli([
          'export',
          'lists',
          'brouillons',
          '--out',
          out('brouillons'),
          '--separator',
          separator,
          '--store',
          store,
        ]),
        await cli([
          'export',
          'rows',
          rowsModule,
          '--from',
          store,
          '--out',
          out('rows'),
          '--separator',
          separator,
        ]),
        await cli([
          'project',
          refusalModule,
          '--out',
          out('refus'),
          '--separator',
          separator,
          '--store',
          store,
        ]),
        await cli(['export', 'events', '--format', 'csv', '--separator', separator, '--store', store]),
      ];
      for (const run of runs) {
        expect([run.code, run.stdout]).toEqual([2, '']);
        expect(run.stderr).toContain(
          `--separator « ${JSON.stringify(separator).slice(1, -1)} » : un seul caractère attendu`,
        );
      }
      expect(fs.readdirSync(dir).filter((file) => file.endsWith('.csv'))).toEqual([]);
    },
  );

  it('export lists writes the separator asked for: a tab, a semicolon, a bar', async () => {
    for (const separator of ['\t', ';', '|']) {
      const run = await cli([
        'export',
        'lists',
        'dossiers',
        '--format',
        'csv',
        '--separator',
        separator,
        '--store',
        store,
      ]);
      expect(run.code).toBe(0);
      const [heading] = run.stdout.replace(/^\uFEFF/, '').split('\r\n');
      expect(heading.split(separator).slice(0, 3)).toEqual(['dossier_id', 'number', 'draft_number']);
    }
  });
});
