import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Database from 'better-sqlite3';
import { collect, counted } from '@cartes-badges/eventsourcing/testing';
import { NotAnEventStoreError } from './read-only';
import { createSqliteEventStore } from './sqlite-store';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cb-sqlite-ro-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

let files = 0;
const fresh = (name: string): string => path.join(dir, `${files++}-${name}`);

// Every file of the database (main, -wal, -shm) with its bytes and modification time.
function snapshot(file: string): Record<string, { bytes: string; mtimeMs: number }> {
  const state: Record<string, { bytes: string; mtimeMs: number }> = {};
  for (const name of fs.readdirSync(path.dirname(file))) {
    if (!name.startsWith(path.basename(file))) continue;
    const full = path.join(path.dirname(file), name);
    state[name] = { bytes: fs.readFileSync(full).toString('base64'), mtimeMs: fs.statSync(full).mtimeMs };
  }
  return state;
}

function foreignDatabase(name: string, sql: string): string {
  const file = fresh(name);
  const db = new Database(file);
  db.exec(sql);
  db.close();
  return file;
}

describe('SQLite store opened read-only', () => {
  it('reads an existing store, refuses appends, and leaves the file as it was (bytes and mtime)', async () => {
    const file = fresh('events.db');
    const writer = createSqliteEventStore({ path: file });
    await writer.appendToStream('s-1', counted(3));
    await writer.close();
    // SQLite's own -wal and -shm files (a WAL reader's shared memory) may come and go: the
    // database file is what must not change.
    const mainFile = (state: ReturnType<typeof snapshot>) => state[path.basename(file)];
    const before = mainFile(snapshot(file));

    const reader = createSqliteEventStore({ path: file, readOnly: true });
    expect((await collect(reader.readStream('s-1'))).map((e) => e.data)).toEqual([
      { n: 0 },
      { n: 1 },
      { n: 2 },
    ]);
    await expect(reader.appendToStream('s-1', counted(1))).rejects.toThrow(/open read-only/);
    expect(() => reader.database.exec('CREATE TABLE intruder (x)')).toThrow(/readonly/);
    await reader.close();
    expect(mainFile(snapshot(file))).toEqual(before);
  });

  it.each([
    [
      'another application’s database',
      'clients.db',
      "CREATE TABLE clients (id INTEGER, nom TEXT); INSERT INTO clients VALUES (1, 'Dupont');",
      /no events and schema_migrations tables/,
    ],
    [
      'a database whose events table is another’s',
      'agenda.db',
      'CREATE TABLE events (id INTEGER, title TEXT); CREATE TABLE schema_migrations (version TEXT);',
      /its events table has no global_position, stream_id/,
    ],
    [
      'a store whose migrations were never recorded',
      'half.db',
      'CREATE TABLE events (global_position INTEGER, stream_id TEXT, version INTEGER, event_id TEXT, type TEXT, data TEXT, metadata TEXT, recorded_at TEXT); CREATE TABLE schema_migrations (component TEXT, version INTEGER);',
      /no events migration recorded/,
    ],
  ])('refuses %s: NotAnEventStoreError, no table created, the file unchanged', (_what, name, sql, reason) => {
    const file = foreignDatabase(name, sql);
    const before = snapshot(file);
    let thrown: unknown;
    try {
      createSqliteEventStore({ path: file, readOnly: true });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(NotAnEventStoreError);
    expect((thrown as Error).message).toMatch(reason);
    expect((thrown as Error).message).toContain('nothing was written to it');
    expect(snapshot(file)).toEqual(before);
  });

  it('refuses a file that is not SQLite at all, leaving it as it was', () => {
    const file = fresh('notes.txt');
    fs.writeFileSync(file, 'Réunion du 3 mars : rien à signaler.\n'.repeat(200));
    const before = snapshot(file);
    expect(() => createSqliteEventStore({ path: file, readOnly: true })).toThrow(NotAnEventStoreError);
    expect(snapshot(file)).toEqual(before);
  });

  it('refuses a missing file (creating nothing) and :memory:', () => {
    const file = fresh('absent.db');
    expect(() => createSqliteEventStore({ path: file, readOnly: true })).toThrow();
    expect(fs.existsSync(file)).toBe(false);
    expect(() => createSqliteEventStore({ path: ':memory:', readOnly: true })).toThrow(
      /readOnly needs a database file/,
    );
  });
});
