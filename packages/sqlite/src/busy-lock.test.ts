import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Database from 'better-sqlite3';
import * as E from 'fp-ts/Either';
import { StoreBusyError, type EventStore } from '@cartes-badges/eventsourcing';
import { createTestDossierService, employer, HUM_CLICHY } from '@cartes-badges/domain/testing';
import { assertRight, collect, counted } from '@cartes-badges/eventsourcing/testing';
import { createSqliteEventStore, type SqliteEventStore } from './sqlite-store';

// Another process holding the write lock (here a second connection in BEGIN IMMEDIATE): before,
// an append blocked the whole event loop for the busy timeout, then threw a raw SQLITE_BUSY.

/** Runs `work` while a 5 ms timer ticks; gives the longest gap between two ticks (the loop's freeze). */
async function longestFreeze<T>(work: () => Promise<T>): Promise<{ outcome: T | unknown; freezeMs: number }> {
  let last = Date.now();
  let freezeMs = 0;
  const ticker = setInterval(() => {
    const now = Date.now();
    freezeMs = Math.max(freezeMs, now - last);
    last = now;
  }, 5);
  try {
    const outcome = await work().catch((error: unknown) => error);
    return { outcome, freezeMs: Math.max(freezeMs, Date.now() - last) };
  } finally {
    clearInterval(ticker);
  }
}

// A loop frozen by the lock stays frozen for the whole busy timeout (400 ms below; in the second
// test the release's own timer cannot fire either). A loop that yields still shows gaps when the
// machine is busy: 241 ms once in CI's run beside two CPU burners, against a 100 ms bound then.
const NOT_FROZEN_MS = 300;

describe("SQLite store under another writer's lock", () => {
  let dir: string;
  let store: SqliteEventStore;
  let other: Database.Database;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cb-sqlite-busy-'));
    store = createSqliteEventStore({ path: path.join(dir, 'events.db'), busyTimeoutMs: 400 });
    other = new Database(path.join(dir, 'events.db'));
  });
  afterEach(async () => {
    if (other.inTransaction) other.exec('ROLLBACK');
    other.close();
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('fails with a typed, retryable StoreBusyError after busyTimeoutMs, without freezing the event loop; nothing written', async () => {
    other.exec('BEGIN IMMEDIATE');
    const started = Date.now();
    const { outcome, freezeMs } = await longestFreeze(() => store.appendToStream('s-1', counted(1)));
    expect(outcome).toBeInstanceOf(StoreBusyError);
    expect(outcome).toMatchObject({ code: 'STORE_BUSY', retryable: true, operation: 'append to stream s-1' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(390);
    expect(freezeMs).toBeLessThan(NOT_FROZEN_MS); // other requests keep being served meanwhile
    other.exec('ROLLBACK');
    expect(await collect(store.readStream('s-1'))).toEqual([]);
    await store.appendToStream('s-1', counted(1)); // the retry succeeds once the lock is gone
    expect((await collect(store.readStream('s-1'))).length).toBe(1);
  });

  it('waits for a lock released before the deadline, and then writes', async () => {
    other.exec('BEGIN IMMEDIATE');
    setTimeout(() => other.exec('ROLLBACK'), 100);
    const { outcome, freezeMs } = await longestFreeze(() => store.appendToStream('s-2', counted(2)));
    expect(outcome).toMatchObject({ nextExpectedVersion: 1 });
    expect(freezeMs).toBeLessThan(NOT_FROZEN_MS);
  });

  it('a dossier command answers Left STORE_BUSY (retryable) through the service, and nothing is written', async () => {
    const { service } = createTestDossierService({ store: store as EventStore });
    other.exec('BEGIN IMMEDIATE');
    const create = {
      type: 'CreateDraft',
      commandId: 'busy-1',
      actor: employer,
      payload: { siret: HUM_CLICHY.siret, cardType: 'CHRONO' },
    };
    expect(await service.execute(create)).toEqual(E.left(expect.objectContaining({ code: 'STORE_BUSY' })));
    other.exec('ROLLBACK');
    expect(await collect(store.readAll())).toEqual([]);
    assertRight(await service.execute(create)); // the same command, retried
  });
});
