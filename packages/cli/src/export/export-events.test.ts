import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import type { Actor, EventStore, RecordedEvent } from '@cartes-badges/eventsourcing';
import * as crypto from 'node:crypto';
import { createInMemoryEventStore, ed25519Signer } from '@cartes-badges/eventsourcing';
import { EXPORT_STATE_FILE, exportEvents, partName } from './export-events';

// Hostile strings the writers must carry through unchanged: separators, quotes, line breaks, a
// spreadsheet formula, accents, NUL, and a long text.
const AWKWARD = [
  'a,b;c',
  'dit "bonjour"',
  'ligne 1\r\nligne 2',
  '=HYPERLINK("x")',
  'Société Générale',
  'nul\u0000ici',
  'x'.repeat(5000),
];

async function appendEvents(store: EventStore, count: number, offset = 0): Promise<void> {
  for (let i = offset; i < offset + count; i += 10) {
    const stream = `${i % 20 === 0 ? 'other' : 'dossier'}-${(i / 10) % 37}`;
    const events = Array.from({ length: Math.min(10, offset + count - i) }, (_, k) => ({
      type: (i + k) % 3 === 0 ? 'DraftCreated' : 'DraftSaved',
      data: { n: i + k, text: AWKWARD[(i + k) % AWKWARD.length], nested: { list: [i + k, null, true] } },
      metadata: {
        actor: ((i + k) % 2 === 0
          ? { role: 'adherent', userId: `u-${i + k}`, siren: '552100554', siret: '55210055400013' }
          : { role: 'system', userId: 'sys' }) as Actor,
        commandId: `c-${i + k}`,
        occurredAt: new Date(Date.UTC(2026, 0, 1, 0, 0, i + k, 123)).toISOString(),
      },
    }));
    await store.appendToStream(stream, events);
  }
}

async function readAllOf(store: EventStore): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = [];
  for await (const event of store.readAll()) events.push(event);
  return events;
}

/** Rows of Parquet files as DuckDB reads them, with timestamps as epoch milliseconds and data as JSON text. */
async function duckRows(glob: string): Promise<Record<string, unknown>[]> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    const reader = await connection.runAndReadAll(
      `SELECT * EXCLUDE (occurred_at, recorded_at, data), epoch_ms(occurred_at) AS occurred_ms,
              epoch_ms(recorded_at) AS recorded_ms, CAST(data AS VARCHAR) AS data_text
       FROM read_parquet('${glob}') ORDER BY global_position`,
    );
    return reader.getRowObjects() as Record<string, unknown>[];
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

const canonicalJson = (text: string): string => JSON.stringify(JSON.parse(text));

describe('exportEvents', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'export-events-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('DuckDB reads the Parquet back with the same row count and values as readAll', async () => {
    const store = createInMemoryEventStore();
    await appendEvents(store, 300);
    const result = await exportEvents(store, { format: 'parquet', out: `${dir}/events/` });
    expect(result.events).toBe(300);
    const events = await readAllOf(store);
    const rows = await duckRows(`${dir}/events/*.parquet`);
    expect(rows).toHaveLength(events.length);
    rows.forEach((row, i) => {
      const event = events[i];
      const actor = event.metadata.actor;
      expect(row).toEqual({
        global_position: event.globalPosition,
        stream_id: event.streamId,
        version: event.version,
        type: event.type,
        actor_role: actor.role,
        actor_user_id: actor.userId,
        actor_siren: actor.siren ?? null,
        actor_siret: actor.siret ?? null,
        command_id: event.metadata.commandId,
        correlation_id: event.metadata.correlationId,
        causation_id: event.metadata.causationId,
        event_id: event.eventId,
        schema_version: event.metadata.schemaVersion,
        chain_version: 3,
        prev_hash: event.metadata.prevHash,
        hash: event.metadata.hash,
        key_id: null,
        signature: null,
        occurred_ms: BigInt(Date.parse(event.metadata.occurredAt)),
        recorded_ms: BigInt(Date.parse(event.recordedAt)),
        data_text: expect.any(String),
      });
      expect(canonicalJson(row.data_text as string)).toBe(JSON.stringify(event.data));
    });
  });

  it("a signed history exports each event's key id, and the signature on each append's last event (issue 15)", async () => {
    const { privateKey } = crypto.generateKeyPairSync('ed25519');
    const store = createInMemoryEventStore({ signer: ed25519Signer('service-2026-01', privateKey) });
    await appendEvents(store, 25);
    await exportEvents(store, { format: 'parquet', out: `${dir}/signed/` });
    const events = await readAllOf(store);
    const rows = await duckRows(`${dir}/signed/*.parquet`);
    expect(rows.map((row) => row.key_id)).toEqual(events.map(() => 'service-2026-01'));
    expect(rows.map((row) => row.signature)).toEqual(events.map((e) => e.metadata.signature ?? null));
    // Appends of 10, 10 and 5 events: three signatures, each on its append's last event.
    expect(rows.filter((row) => row.signature !== null).map((row) => row.version)).toEqual([9, 9, 4]);
  });

  it('an incremental export after 1,000 new events writes exactly those 1,000 in a new part', async () => {
    const store = createInMemoryEventStore();
    await appendEvents(store, 250);
    const out = `${dir}/parts/`;
    const first = await exportEvents(store, { format: 'parquet', out });
    expect(first).toMatchObject({ events: 250, file: path.join(out, partName(undefined, 'parquet')) });
    await appendEvents(store, 1000, 250);
    const second = await exportEvents(store, { format: 'parquet', out });
    expect(second.events).toBe(1000);
    expect(second.after).toBe(first.position);
    const newEvents = (await readAllOf(store)).slice(250);
    const rows = await duckRows(second.file as string);
    expect(rows.map((r) => r.global_position)).toEqual(newEvents.map((e) => e.globalPosition));
    expect(fs.readdirSync(out).sort()).toEqual(
      [EXPORT_STATE_FILE, partName(undefined, 'parquet'), partName(first.position, 'parquet')].sort(),
    );
    // Nothing new: no part at all, the state stays.
    const third = await exportEvents(store, { format: 'parquet', out });
    expect(third).toEqual({ events: 0, after: second.position, position: undefined });
    expect(fs.readdirSync(out)).toHaveLength(3);
    // Every part together is every event once.
    expect((await duckRows(`${out}*.parquet`)).length).toBe(1250);
  });

  it('--since exports only the events after a position, and filters by type and stream prefix', async () => {
    const store = createInMemoryEventStore();
    await appendEvents(store, 200);
    const events = await readAllOf(store);
    const since = events[99].globalPosition;
    const file = path.join(dir, 'some.ndjson');
    const result = await exportEvents(store, {
      format: 'ndjson',
      out: file,
      since,
      filter: { eventTypes: ['DraftCreated'], streamPrefix: 'dossier-' },
    });
    const expected = events
      .slice(100)
      .filter((e) => e.type === 'DraftCreated' && e.streamId.startsWith('dossier-'));
    const lines = fs
      .readFileSync(file, 'utf8')
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(result.events).toBe(expected.length);
    expect(lines.map((l) => [l.global_position, l.stream_id, l.data])).toEqual(
      expected.map((e) => [Number(e.globalPosition), e.streamId, e.data]),
    );
  });

  it('a CSV export reads back in DuckDB cell for cell, hostile strings included', async () => {
    const store = createInMemoryEventStore();
    await appendEvents(store, 70);
    const file = path.join(dir, 'events.csv');
    await exportEvents(store, { format: 'csv', out: file, batchSize: 16 });
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    const reader = await connection.runAndReadAll(
      `SELECT stream_id, data FROM read_csv('${file}', header = true, all_varchar = true, delim = ',', quote = '"', escape = '"') ORDER BY CAST(global_position AS BIGINT)`,
    );
    const rows = reader.getRowObjects() as { stream_id: string; data: string }[];
    connection.closeSync();
    instance.closeSync();
    const events = await readAllOf(store);
    expect(rows).toHaveLength(events.length);
    expect(rows.map((r) => JSON.parse(r.data) as unknown)).toEqual(events.map((e) => e.data));
  });

  it('refuses a state file written for another filter, and writes nothing', async () => {
    const store = createInMemoryEventStore();
    await appendEvents(store, 30);
    const out = `${dir}/parts/`;
    await exportEvents(store, { format: 'ndjson', out, filter: { eventTypes: ['DraftSaved'] } });
    await appendEvents(store, 30, 30);
    await expect(exportEvents(store, { format: 'ndjson', out })).rejects.toThrow(/filtre/);
    await expect(
      exportEvents(store, { format: 'csv', out, filter: { eventTypes: ['DraftSaved'] } }),
    ).rejects.toThrow(/format ndjson/);
    expect(fs.readdirSync(out)).toHaveLength(2);
  });

  it('refuses a CSV separator no reader splits right before it writes a folder, a part or a state', async () => {
    const store = createInMemoryEventStore();
    await appendEvents(store, 10);
    const out = path.join(dir, 'bad-separator') + '/';
    for (const separator of ['', ';;', '"', '\n']) {
      await expect(exportEvents(store, { format: 'csv', out, separator })).rejects.toThrow(
        expect.objectContaining({ exitCode: 2, message: expect.stringContaining('--separator') }),
      );
    }
    expect(fs.existsSync(out)).toBe(false);
    // Parquet has no separator: the option is not its business.
    await expect(exportEvents(store, { format: 'parquet', out, separator: '' })).resolves.toMatchObject({
      events: 10,
    });
  });
});
