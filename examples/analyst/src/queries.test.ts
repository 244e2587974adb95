import { scaledTimeout } from '@cartes-badges/eventsourcing/testing';
// Each DuckDB query of docs/analysts.md, run on the demo's events exported to Parquet, gives the
// same figures as the dossier-rows projection folded over the same events.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { RecordedEvent } from '@cartes-badges/eventsourcing';
import { createInMemoryEventStore, foldRows } from '@cartes-badges/eventsourcing';
import { dossierStoreOptions } from '@cartes-badges/domain';
import { exportEvents, runDemo } from '@cartes-badges/cli';
import { openAnalystSession, type AnalystSession } from './duckdb-session';
import { projection, type DossierRow } from './projections/dossier-rows';
import { median } from './projections/days-to-transmission';
import { QUERIES } from './queries';

const REPO_ROOT = path.resolve(__dirname, '../../..');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'analyst-queries-'));
let session: AnalystSession;
let rows: DossierRow[];

/** Counts and sums by a key, as the projection's side of each comparison. */
function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(keyOf(item), [...(groups.get(keyOf(item)) ?? []), item]);
  return new Map([...groups].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);
const days = (row: DossierRow): number =>
  (Date.parse(row.transmitted_at as string) - Date.parse(row.created_at)) / 86_400_000;

beforeAll(async () => {
  const store = createInMemoryEventStore(dossierStoreOptions);
  await runDemo(store, { count: 150, seed: 3, now: new Date('2025-12-15T17:00:00Z') });
  await exportEvents(store, { format: 'parquet', out: `${dir}/events/` });
  const events: RecordedEvent[] = [];
  for await (const event of store.readAll({ filter: projection.filter })) events.push(event);
  rows = [...foldRows(projection, events as never).values()];
  session = await openAnalystSession(`${dir}/events/*.parquet`);
}, scaledTimeout(120_000));
afterAll(() => {
  session?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the DuckDB queries of docs/analysts.md, against the dossier-rows projection', () => {
  it('transmissions per month and card type', async () => {
    const transmitted = rows.filter((r) => r.transmitted_at !== null);
    const expected = [...groupBy(transmitted, (r) => `${r.transmitted_at?.slice(0, 7)}|${r.card_type}`)].map(
      ([key, group]) => ({
        month: key.split('|')[0],
        card_type: key.split('|')[1],
        transmissions: group.length,
      }),
    );
    expect(expected.length).toBeGreaterThan(3);
    expect(await session.run('transmissions-per-month')).toEqual(expected);
  });

  it('amount asked vs granted, by card type', async () => {
    const granted = rows.filter((r) => r.granted_cents !== null);
    expect(granted.length).toBeGreaterThan(5);
    const result = await session.run('asked-vs-granted');
    const expected = [...groupBy(granted, (r) => r.card_type)];
    expect(result.map((r) => [r.card_type, r.granted_dossiers, r.asked_eur, r.granted_eur])).toEqual(
      expected.map(([cardType, group]) => [
        cardType,
        group.length,
        sum(group.map((r) => r.asked_cents ?? 0)) / 100,
        sum(group.map((r) => r.granted_cents ?? 0)) / 100,
      ]),
    );
    result.forEach((r) =>
      expect(r.granted_pct).toBeCloseTo((100 * Number(r.granted_eur)) / Number(r.asked_eur), 0),
    );
  });

  it('days from draft to transmission, by card type', async () => {
    const result = await session.run('days-to-transmission');
    const expected = [
      ...groupBy(
        rows.filter((r) => r.transmitted_at !== null),
        (r) => r.card_type,
      ),
    ];
    expect(result.map((r) => [r.card_type, r.transmitted])).toEqual(expected.map(([c, g]) => [c, g.length]));
    result.forEach((r, i) => {
      const spans = expected[i][1].map(days);
      expect(r.median_days).toBeCloseTo(median(spans), 1);
      expect(r.mean_days).toBeCloseTo(sum(spans) / spans.length, 1);
      expect(r.max_days).toBeCloseTo(Math.max(...spans), 1);
    });
  });

  it('pré-saisies refused, by provider', async () => {
    const presaisies = rows.filter((r) => r.origin === 'pre-saisie');
    const result = await session.run('presaisies-refused-per-provider');
    const expected = [...groupBy(presaisies, (r) => r.presaisie_provider_siren ?? '')]
      .map(([siren, group]) => ({
        provider_siren: siren,
        presaisies: group.length,
        refused: group.filter((r) => r.presaisie_refused).length,
      }))
      .sort((a, b) => b.refused - a.refused || a.provider_siren.localeCompare(b.provider_siren));
    expect(expected.some((e) => e.refused > 0)).toBe(true);
    expect(
      result.map(({ provider_siren, presaisies, refused }) => ({ provider_siren, presaisies, refused })),
    ).toEqual(expected);
  });

  it('dossiers waiting for complements', async () => {
    const waiting = rows.filter((r) => r.status === 'complements demandes');
    expect(waiting.length).toBeGreaterThan(0);
    const result = await session.run('waiting-for-complements');
    expect(result.map((r) => [r.number, r.card_type]).sort()).toEqual(
      waiting.map((r) => [r.number, r.card_type]).sort(),
    );
  });

  it('docs/analysts.md shows each query exactly as run here', () => {
    const doc = fs.readFileSync(path.join(REPO_ROOT, 'docs/analysts.md'), 'utf8');
    for (const sql of Object.values(QUERIES)) expect(doc).toContain(`\`\`\`sql\n${sql.trim()}\n\`\`\``);
  });
});
