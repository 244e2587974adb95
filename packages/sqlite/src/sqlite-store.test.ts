import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { verifyStream, type RecordedEvent } from '@cartes-badges/eventsourcing';
import { collect, counted } from '@cartes-badges/eventsourcing/testing';
import { EventQueries } from './event-queries';
import { EVENTS_COMPONENT, EVENTS_MIGRATIONS } from './schema';
import { createSqliteEventStore, type SqliteEventStore } from './sqlite-store';

describe('SQLite event store', () => {
  let dir: string;
  const open: SqliteEventStore[] = [];
  const openStore = (options: Parameters<typeof createSqliteEventStore>[0]): SqliteEventStore => {
    const store = createSqliteEventStore(options);
    open.push(store);
    return store;
  };
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cb-sqlite-store-'))));
  afterEach(async () => {
    await Promise.all(open.splice(0).map((store) => store.close()));
    jest.restoreAllMocks();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('opens a sqlite: URL, creating the missing parent directories, in WAL mode with full sync', () => {
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      const store = openStore({ url: 'sqlite:./data/deeper/events.db' });
      expect(store.location).toEqual({
        kind: 'file',
        file: path.join(fs.realpathSync(dir), 'data/deeper/events.db'),
      });
      expect(fs.existsSync(path.join(dir, 'data/deeper/events.db'))).toBe(true);
      expect(store.database.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(store.database.pragma('synchronous', { simple: true })).toBe(2);
      expect(store.database.pragma('busy_timeout', { simple: true })).toBe(5000);
    } finally {
      process.chdir(cwd);
    }
  });

  it('keeps every event across a reopen, migrates nothing twice, and chains new events on the old head', async () => {
    const file = path.join(dir, 'events.db');
    const first = openStore({ path: file });
    await first.appendToStream('dossier-1', counted(3));
    await first.appendToStream('dossier-2', counted(2));
    await first.close();

    const second = openStore({ path: file });
    const migrations = second.database.prepare('SELECT component, version FROM schema_migrations').all();
    expect(migrations).toEqual(
      EVENTS_MIGRATIONS.map((m) => ({ component: EVENTS_COMPONENT, version: m.version })),
    );
    expect((await collect(second.readAll())).map((e) => `${e.streamId}@${e.version}`)).toEqual([
      'dossier-1@0',
      'dossier-1@1',
      'dossier-1@2',
      'dossier-2@0',
      'dossier-2@1',
    ]);
    const oldHead = (await collect(second.readStream('dossier-1')))[2];
    const result = await second.appendToStream('dossier-1', counted(1, 3), { expectedVersion: 2 });
    expect(result).toMatchObject({ nextExpectedVersion: 3, globalPosition: 6n });
    expect(result.events?.map((e) => e.metadata.prevHash)).toEqual([oldHead.metadata.hash]);
    expect(await verifyStream(second, 'dossier-1')).toMatchObject({ ok: true, length: 4 });
  });

  it('writes nothing of a batch whose insert fails half way', async () => {
    const store = openStore({ path: path.join(dir, 'events.db') });
    await store.appendToStream('s', counted(1));
    // A trigger makes the second row of the batch fail inside the transaction.
    store.database.exec(
      "CREATE TRIGGER refuse_boom BEFORE INSERT ON events WHEN NEW.type = 'Boom' BEGIN SELECT RAISE(ABORT, 'boom refused'); END",
    );
    await expect(
      store.appendToStream(
        's',
        [
          { type: 'Fine', data: {} },
          { type: 'Boom', data: {} },
        ],
        { expectedVersion: 0 },
      ),
      // Matched by fields: better-sqlite3 builds its errors with the SqliteError class of the
      // first jest context that loaded it, so `toThrow` may not recognise them as errors here.
    ).rejects.toMatchObject({ code: 'SQLITE_CONSTRAINT_TRIGGER', message: 'boom refused' });
    expect((await collect(store.readStream('s'))).map((e) => e.type)).toEqual(['Counted']);
    store.database.exec('DROP TRIGGER refuse_boom');
    await expect(store.appendToStream('s', counted(1, 1), { expectedVersion: 0 })).resolves.toMatchObject({
      nextExpectedVersion: 1,
    });
  });

  it('reads a stream a page at a time, never asking SQLite for more than batchSize rows', async () => {
    const store = openStore({ path: path.join(dir, 'events.db') });
    await store.appendToStream('long', counted(23));
    const forwards = jest.spyOn(EventQueries.prototype, 'streamForwards');
    const backwards = jest.spyOn(EventQueries.prototype, 'streamBackwards');
    const allPage = jest.spyOn(EventQueries.prototype, 'allPage');

    expect((await collect(store.readStream('long', { batchSize: 5 }))).map((e) => e.version)).toEqual(
      Array.from({ length: 23 }, (_, i) => i),
    );
    expect(forwards.mock.calls.map((call) => call[3])).toEqual([5, 5, 5, 5, 5]);
    expect(
      (
        await collect(
          store.readStream('long', { direction: 'backwards', fromVersion: 20, batchSize: 4, maxCount: 9 }),
        )
      ).map((e) => e.version),
    ).toEqual([20, 19, 18, 17, 16, 15, 14, 13, 12]);
    expect(backwards.mock.calls.map((call) => [call[1], call[2]])).toEqual([
      [20, 4],
      [16, 4],
      [12, 1],
    ]);
    expect(await collect(store.readAll({ batchSize: 10 }))).toHaveLength(23);
    expect(allPage.mock.calls.map((call) => call[3])).toEqual([10, 10, 10]);
  });

  it('wakes a subscriber at once after a commit through the same store, without waiting for a poll', async () => {
    const store = openStore({ path: path.join(dir, 'events.db'), pollIntervalMs: 60_000 });
    let caughtUp!: () => void;
    const ready = new Promise<void>((resolve) => (caughtUp = resolve));
    const subscription = store.subscribe({ onCaughtUp: () => caughtUp() });
    const first = (async () => {
      for await (const event of subscription) return event;
      return undefined;
    })();
    await ready;
    const started = Date.now();
    await store.appendToStream('s', counted(1));
    expect((await first)?.streamId).toBe('s');
    expect(Date.now() - started).toBeLessThan(1000);
    await subscription.close();
  });

  it('wakes a subscriber by polling when another connection commits to the file', async () => {
    const file = path.join(dir, 'events.db');
    const reader = openStore({ path: file, pollIntervalMs: 10 });
    const writer = openStore({ path: file });
    const subscription = reader.subscribe({ filter: { streamPrefix: 'other-' } });
    const received: RecordedEvent[] = [];
    const reading = (async () => {
      for await (const event of subscription) {
        received.push(event);
        if (received.length === 4) break;
      }
    })();
    for (let i = 0; i < 4; i++) {
      await writer.appendToStream(`other-${i}`, counted(1));
      await new Promise((resolve) => setTimeout(resolve, 15));
    }
    await reading;
    expect(received.map((e) => e.streamId)).toEqual(['other-0', 'other-1', 'other-2', 'other-3']);
  });

  it('ends a waiting subscription with the error when the file can no longer be read', async () => {
    const store = openStore({ path: path.join(dir, 'events.db'), pollIntervalMs: 10 });
    let caughtUp!: () => void;
    const ready = new Promise<void>((resolve) => (caughtUp = resolve));
    const subscription = store.subscribe({ onCaughtUp: () => caughtUp() });
    const reading = (async () => {
      for await (const _ of subscription) void _;
    })();
    await ready;
    // Pull the connection from under the store, as a failing disk or a killed handle would.
    store.database.close();
    await expect(reading).rejects.toMatchObject({
      message: expect.stringMatching(/database connection is not open/),
    });
  });

  it('commits a sibling table with transaction(), or nothing when the function throws', () => {
    const store = openStore({ path: path.join(dir, 'events.db') });
    store.database.exec('CREATE TABLE checkpoints (name TEXT PRIMARY KEY, position INTEGER NOT NULL)');
    const write = (position: number, fail: boolean) =>
      store.transaction((db) => {
        db.prepare('INSERT OR REPLACE INTO checkpoints VALUES (?, ?)').run('dossiers', position);
        if (fail) throw new Error('projection failed');
        return position;
      });
    expect(write(5, false)).toBe(5);
    expect(() => write(9, true)).toThrow('projection failed');
    expect(store.database.prepare('SELECT position FROM checkpoints').pluck().get()).toBe(5);
  });

  it('works in memory, and refuses use after close with a clear error', async () => {
    const store = openStore({ path: ':memory:' });
    await store.appendToStream('s', counted(2));
    expect(await collect(store.readStream('s'))).toHaveLength(2);
    await store.close();
    await store.close();
    await expect(store.appendToStream('s', counted(1))).rejects.toThrow(
      /SQLite event store \(:memory:\) is closed/,
    );
    expect(() => store.readAll()).toThrow(/is closed/);
  });

  it('refuses bad read options, naming the option', async () => {
    const store = openStore({ path: ':memory:' });
    await store.appendToStream('s', counted(1));
    // Refused when the read is asked for, before a query (the contract's `read options` has them all).
    expect(() => store.readStream('s', { batchSize: 0 })).toThrow(
      new RangeError('readStream: batchSize must be an integer of at least 1, got 0'),
    );
    expect(() => store.readAll({ maxCount: -1 })).toThrow(
      new RangeError('readAll: maxCount must be an integer of at least 0, got -1'),
    );
    expect(() => createSqliteEventStore({ path: ':memory:', pollIntervalMs: 0 })).toThrow(/pollIntervalMs/);
    // Past what a timer keeps, a subscription would poll every millisecond.
    expect(() => createSqliteEventStore({ path: ':memory:', pollIntervalMs: 2 ** 31 })).toThrow(
      new RangeError(
        'SQLite store: pollIntervalMs must be a whole number of milliseconds from 0 to 2147483647, got 2147483648',
      ),
    );
  });

  it('refuses a lock wait better-sqlite3 would refuse, naming busyTimeoutMs (the driver named only its own "timeout")', () => {
    for (const busyTimeoutMs of [Number.NaN, -1, 1.5, Infinity, 2 ** 31, '100'])
      expect(() =>
        createSqliteEventStore({ path: ':memory:', busyTimeoutMs: busyTimeoutMs as number }),
      ).toThrow(
        new RangeError(
          `SQLite store: busyTimeoutMs must be a whole number of milliseconds from 0 to 2147483647, got ${String(busyTimeoutMs)}`,
        ),
      );
    for (const busyTimeoutMs of [0, 2 ** 31 - 1]) openStore({ path: ':memory:', busyTimeoutMs });
  });
});
