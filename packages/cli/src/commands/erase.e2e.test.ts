import { scaledTimeout } from '@cartes-badges/eventsourcing/testing';
// `cartes-badges erase` on a demo SQLite file, then every way an auditor or an analyst reads it.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createSqliteEventStore } from '@cartes-badges/sqlite';
import { cli } from '../test-support/run-cli';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cartes-badges-erase-'));
const file = path.join(dir, 'events.db');
const store = `sqlite:${file}`;
const digestFile = path.join(dir, 'digest.json');
// The demo's closed dossier (demo clock: 15 January 2026), its contact and its files.
const CLOSED = '2512AF000001';
const EMAIL = 'claire.martin@interim-services.fr';
const erase = (env: Record<string, string>, ...extra: string[]) =>
  cli(
    [
      'erase',
      '--dossier',
      CLOSED,
      '--reason',
      'Durée de conservation échue',
      '--by',
      'g-martin',
      ...extra,
      '--store',
      store,
    ],
    env,
  );
const eventCount = async (): Promise<number> => {
  const events = createSqliteEventStore({ path: file, readOnly: true });
  try {
    return (events.database.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n;
  } finally {
    await events.close();
  }
};

beforeAll(async () => {
  const demo = await cli(['demo', '--dossiers', '5', '--store', store]);
  if (demo.code !== 0) throw new Error(`demo failed: ${demo.stderr}`);
  const digest = await cli(['digest', '--out', digestFile, '--store', store]);
  if (digest.code !== 0) throw new Error(`digest failed: ${digest.stderr}`);
}, scaledTimeout(180_000));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('cartes-badges erase --dossier N (issue 15: erasure that keeps the proof)', () => {
  it(
    'the events file never holds the contact email in clear, only its ciphertext',
    async () => {
      expect(fs.readFileSync(file).includes(Buffer.from(EMAIL))).toBe(false);
      const shown = await cli(['show', CLOSED, '--store', store]);
      expect(shown.stdout).toContain(`Email : ${EMAIL}`);
    },
    scaledTimeout(60_000),
  );

  it(
    'refuses before the retention period (exit 6, the date said), and --force unless the policy allows it; nothing written',
    async () => {
      const before = await eventCount();
      const early = await erase({});
      expect([early.code, early.stderr]).toEqual([
        6,
        expect.stringMatching(/conservées 1825 jours, jusqu'au \d\d\/\d\d\/\d{4}/),
      ]);
      const forced = await erase({}, '--force');
      expect([forced.code, forced.stderr]).toEqual([
        6,
        expect.stringContaining('CARTES_BADGES_ALLOW_FORCED_ERASURE'),
      ]);
      expect(await eventCount()).toBe(before);
    },
    scaledTimeout(60_000),
  );

  it(
    'after the period: erased everywhere (show, history, export, rebuilt lists), verify and verify --against exit 0, twice is a no-op',
    async () => {
      const policy = { CARTES_BADGES_RETENTION_DAYS: '30' };
      const done = await erase(policy, '--json');
      expect(done.code).toBe(0);
      const { dossierId, recorded } = JSON.parse(done.stdout) as { dossierId: string; recorded: boolean };
      expect(recorded).toBe(true);
      const after = await eventCount();
      const again = await erase(policy);
      expect([again.code, again.stdout]).toEqual([0, expect.stringContaining('Déjà effacé')]);
      expect(await eventCount()).toBe(after);

      const shown = await cli(['show', CLOSED, '--store', store]);
      expect(shown.stdout).toContain('Email : [effacé]');
      const history = await cli(['history', CLOSED, '--format', 'json', '--store', store]);
      expect(history.code).toBe(0);
      expect(history.stdout).not.toContain(EMAIL);
      expect(history.stdout).toContain('Données personnelles effacées');
      const html = await cli(['history', CLOSED, '--format', 'html', '--store', store]);
      expect(html.stdout).not.toContain(EMAIL);
      expect(html.stdout).toContain('[effacé]');
      const exported = path.join(dir, 'events.ndjson');
      expect((await cli(['export', 'events', '--out', exported, '--store', store])).code).toBe(0);
      // The same employer's other dossiers keep their contact (same email): only this one is erased.
      const rows = fs
        .readFileSync(exported, 'utf8')
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as { stream_id: string; type: string; data: unknown });
      const own = rows.filter((row) => row.stream_id === `dossier-${dossierId}`);
      expect(JSON.stringify(own)).not.toContain(EMAIL);
      expect(own.find((row) => row.type === 'ContactEmailChanged')?.data).toEqual({ email: '[effacé]' });
      expect(own.map((row) => row.type)).toContain('PersonalDataErased');
      expect(JSON.stringify(rows.filter((row) => row.stream_id !== `dossier-${dossierId}`))).toContain(EMAIL);
      const rebuilt = await cli(['rebuild', 'all', '--store', store]);
      expect(rebuilt.code).toBe(0);
      const listed = await cli(['dossiers', '--json', '--store', store]);
      expect(listed.stdout).toContain(CLOSED);
      expect(listed.stdout).not.toContain(EMAIL);

      const verified = await cli(['verify', '--store', store]);
      expect([verified.code, verified.stdout]).toEqual([
        0,
        expect.stringContaining('toutes les chaînes sont intactes'),
      ]);
      const against = await cli(['verify', '--against', digestFile, '--store', store]);
      expect([against.code, against.stdout]).toEqual([0, expect.stringContaining("rien n'a changé")]);
    },
    scaledTimeout(180_000),
  );
});
