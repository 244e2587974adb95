import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as crypto from 'node:crypto';
import { createKeyring, ed25519Signer, ed25519VerificationKey } from '@cartes-badges/eventsourcing';
import { prepareEventsForAppend } from '@cartes-badges/eventsourcing/adapter';
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

describe('verifyAllStreams with a keyring', () => {
  const service = crypto.generateKeyPairSync('ed25519');
  const keyring = createKeyring([ed25519VerificationKey('service-1', service.publicKey)]);
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cb-verify-all-keys-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('counts signed and unsigned events without a keyring, and refuses the unsigned ones with it', async () => {
    const file = path.join(dir, 'events.db');
    const signed = createSqliteEventStore({
      path: file,
      signer: ed25519Signer('service-1', service.privateKey),
    });
    await signed.appendToStream('a', counted(3));
    await signed.appendToStream('b', counted(2));
    await signed.close();
    const store = createSqliteEventStore({ path: file });
    try {
      expect(await verifyAllStreams(store, { keyring })).toMatchObject({
        ok: true,
        signedEvents: 5,
        unsignedEvents: 0,
      });
      await store.appendToStream('c', counted(1));
      expect(await verifyAllStreams(store)).toMatchObject({ ok: true, signedEvents: 5, unsignedEvents: 1 });
      const result = await verifyAllStreams(store, { keyring });
      expect(result).toMatchObject({ ok: false, streamsChecked: 3, signedEvents: 5 });
      expect(result.broken.map((b) => [b.streamId, b.version, b.problem])).toEqual([['c', 0, 'unsigned']]);
    } finally {
      await store.close();
    }
  });

  it('catches a forged, correctly hashed event inserted with SQL after a signed batch, naming stream and version', async () => {
    const store = createSqliteEventStore({
      path: path.join(dir, 'events.db'),
      signer: ed25519Signer('service-1', service.privateKey),
    });
    try {
      await store.appendToStream('a', counted(3));
      const head = store.database
        .prepare<
          [],
          { metadata: string }
        >("SELECT metadata FROM events WHERE stream_id = 'a' AND version = 2")
        .get()!;
      const [forged] = prepareEventsForAppend({
        streamId: 'a',
        firstVersion: 3,
        prevHash: (JSON.parse(head.metadata) as { hash: string }).hash,
        events: [{ type: 'Granted', data: { amountGrantedCents: 99_999_900 } }],
        now: new Date(),
      });
      store.database
        .prepare(
          'INSERT INTO events (stream_id, version, event_id, type, data, metadata, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
        )
        .run(
          'a',
          3,
          forged.eventId,
          forged.type,
          JSON.stringify(forged.data),
          JSON.stringify(forged.metadata),
          forged.recordedAt,
        );
      expect(await verifyAllStreams(store)).toMatchObject({ ok: true, unsignedEvents: 1 });
      const result = await verifyAllStreams(store, { keyring });
      expect(result.broken).toEqual([
        {
          ok: false,
          streamId: 'a',
          version: 3,
          problem: 'unsigned',
          detail: 'the event at version 3 is not signed',
        },
      ]);
    } finally {
      await store.close();
    }
  });
});
