import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { counted } from '@cartes-badges/eventsourcing/testing';
import { createSqliteEventStore, type SqliteEventStore } from '@cartes-badges/sqlite';
import { brokenLine } from '../commands/verify';
import { verifyAllStreams } from './verify-all';

describe('verifyAllStreams over a row that cannot be read', () => {
  let dir: string;
  let store: SqliteEventStore;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cb-verify-all-'));
    store = createSqliteEventStore({ path: path.join(dir, 'events.db') });
  });
  afterEach(async () => {
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('reports the unreadable event by stream and version, and goes on checking every other stream', async () => {
    await store.appendToStream('a', counted(2));
    await store.appendToStream('b', counted(2));
    await store.appendToStream('c', counted(2));
    const damage = (column: string, text: string, streamId: string, version: number) =>
      store.database
        .prepare(`UPDATE events SET ${column} = ? WHERE stream_id = ? AND version = ?`)
        .run(text, streamId, version);
    damage('data', '', 'a', 1); // not JSON at all
    damage('data', '{"n":99}', 'c', 0); // altered, after the unreadable row in the global order
    const result = await verifyAllStreams(store);
    expect(result).toMatchObject({ ok: false, streamsChecked: 3, eventsChecked: 6 });
    expect(result.broken.map((b) => [b.streamId, b.version, b.problem])).toEqual([
      ['a', 1, 'unreadable'],
      ['c', 0, 'altered'],
    ]);
    expect(brokenLine(result.broken[0])).toMatch(
      /^ROMPU {2}a {2}version 1 {2}unreadable \(événement illisible\) : the event at version 1 cannot be read: data is not JSON/,
    );
  });
});
