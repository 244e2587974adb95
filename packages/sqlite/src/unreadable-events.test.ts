import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { UnreadableEventError, verifyStream } from '@cartes-badges/eventsourcing';
import { collect, counted } from '@cartes-badges/eventsourcing/testing';
import { dossierStoreOptions } from '@cartes-badges/domain';
import { createTestDossierService, employer, HUM_CLICHY } from '@cartes-badges/domain/testing';
import { createSqliteEventStore, type SqliteEventStore } from './sqlite-store';

// Before: verifyStream threw "Unexpected end of JSON input", naming no stream and no version.
describe('a stored row that cannot be read', () => {
  let dir: string;
  let store: SqliteEventStore;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cb-sqlite-unreadable-'));
  });
  afterEach(async () => {
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const damage = (streamId: string, version: number, column: 'data' | 'metadata', text: string) =>
    store.database
      .prepare(`UPDATE events SET ${column} = ? WHERE stream_id = ? AND version = ?`)
      .run(text, streamId, version);

  it('reads as an UnreadableEventError naming stream, version and position; verifyStream reports it', async () => {
    store = createSqliteEventStore({ path: path.join(dir, 'events.db') });
    await store.appendToStream('s-1', counted(3));
    damage('s-1', 1, 'data', '{"half":');
    const error = await collect(store.readStream('s-1')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnreadableEventError);
    expect(error).toMatchObject({
      code: 'EVENT_UNREADABLE',
      streamId: 's-1',
      version: 1,
      globalPosition: 2n,
    });
    expect(await verifyStream(store, 's-1')).toEqual({
      ok: false,
      streamId: 's-1',
      version: 1,
      problem: 'unreadable',
      detail: expect.stringMatching(/^the event at version 1 cannot be read: data is not JSON \(/),
    });
    damage('s-1', 1, 'data', '{"n":1}'); // put back as it was: intact again
    damage('s-1', 2, 'metadata', 'nope');
    expect(await verifyStream(store, 's-1')).toMatchObject({
      ok: false,
      version: 2,
      problem: 'unreadable',
      detail: expect.stringContaining('metadata is not JSON'),
    });
  });

  it('an event whose JSON no longer decodes as its type is reported unreadable too (dossier store)', async () => {
    store = createSqliteEventStore({ path: path.join(dir, 'events.db'), ...dossierStoreOptions });
    const { service } = createTestDossierService({ store });
    const created = await service.execute({
      type: 'CreateDraft',
      commandId: 'c-1',
      actor: employer,
      payload: { siret: HUM_CLICHY.siret, cardType: 'CHRONO' },
    });
    if (created._tag === 'Left') throw new Error(created.left.message);
    const streamId = `dossier-${created.right.dossierId}`;
    damage(streamId, 0, 'data', '{}');
    expect(await verifyStream(store, streamId)).toEqual({
      ok: false,
      streamId,
      version: 0,
      problem: 'unreadable',
      detail: expect.stringMatching(/^the event at version 0 cannot be read: DraftCreated does not decode: /),
    });
  });
});
