import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runEventStoreContract } from '@cartes-badges/eventsourcing/testing';
import { tamperWithSqliteStore } from './__tests__/sql-tamper';
import { createSqliteEventStore } from './sqlite-store';

// Every store of the suite is a real file in WAL mode (not ':memory:'), so the suite runs the
// code paths a user's store does.
let dir: string | undefined;
let count = 0;

runEventStoreContract('SQLite', {
  async create(options) {
    dir ??= fs.mkdtempSync(path.join(os.tmpdir(), 'cb-sqlite-contract-'));
    return createSqliteEventStore({
      ...options,
      path: path.join(dir, `store-${++count}.db`),
      pollIntervalMs: 20,
    });
  },
  tamper: tamperWithSqliteStore,
  returnsAppendedEvents: true,
  async teardown() {
    if (dir !== undefined) fs.rmSync(dir, { recursive: true, force: true });
  },
});
