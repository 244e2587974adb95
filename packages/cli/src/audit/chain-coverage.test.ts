import { scaledTimeout } from '@cartes-badges/eventsourcing/testing';
// The hash covers the schema version (issue 13, item 3): set from 2 to 1 on a stored event, it
// changes what the domain reads, and `verify` and `verify --against` must say so, on SQLite
// and PostgreSQL, through the command as an auditor runs it.
import { openDossierSqlite, protectPostgresForDomain } from '../test-support/protected-store';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { EventStore, RecordedEvent } from '@cartes-badges/eventsourcing';
import { storedFormOf } from '@cartes-badges/eventsourcing';
import { protectedDossierStoreOptions } from '@cartes-badges/domain';
import { createSqliteEventStore } from '@cartes-badges/sqlite';
import { createPostgresEventStore } from '@cartes-badges/postgres';
import { cli } from '../test-support/spawn-cli';

const PG_URL = 'postgres://postgres@127.0.0.1:5432/test';
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cartes-badges-chain-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

interface Target {
  /** Where the event is. */
  readonly streamId: string;
  readonly version: number;
}

// One store kind as the test drives it: its URL, a forger with SQL access, a domain reader.
interface StoreKind {
  readonly url: string;
  setSchemaVersionToOne(): Promise<Target>;
  open(): Promise<EventStore>;
  cleanUp(): Promise<void>;
}

function sqliteKind(): StoreKind {
  const file = path.join(dir, 'events.db');
  return {
    url: `sqlite:${file}`,
    async setSchemaVersionToOne() {
      const store = createSqliteEventStore({ path: file });
      try {
        return store.database
          .prepare(
            `UPDATE events SET metadata = json_set(metadata, '$.schemaVersion', 1)
             WHERE global_position = (SELECT min(global_position) FROM events
                                      WHERE type = 'CostLinesChanged' AND metadata ->> '$.schemaVersion' = 2)
             RETURNING stream_id AS streamId, version`,
          )
          .get() as Target;
      } finally {
        await store.close();
      }
    },
    open: async () => openDossierSqlite(file),
    cleanUp: async () => undefined,
  };
}

function postgresKind(): StoreKind {
  const schema = `cli_chain_${process.pid}_${randomBytes(3).toString('hex')}`;
  const open = (options = {}) =>
    createPostgresEventStore({ connectionString: PG_URL, schema, migrate: false, ...options });
  return {
    url: `${PG_URL}?schema=${schema}`,
    async setSchemaVersionToOne() {
      const store = await open();
      try {
        const { rows } = await store.pool.query<Target>(
          `UPDATE "${schema}".events SET metadata = jsonb_set(metadata::jsonb, '{schemaVersion}', '1')::json
           WHERE global_position = (SELECT min(global_position) FROM "${schema}".events
                                    WHERE type = 'CostLinesChanged' AND metadata ->> 'schemaVersion' = '2')
           RETURNING stream_id AS "streamId", version`,
        );
        return rows[0];
      } finally {
        await store.close();
      }
    },
    open: async () => protectPostgresForDomain(await open(protectedDossierStoreOptions)),
    async cleanUp() {
      const store = await open();
      await store.pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await store.close();
    },
  };
}

async function eventAt(kind: StoreKind, target: Target): Promise<RecordedEvent> {
  const store = await kind.open();
  try {
    for await (const event of store.readStream(target.streamId, { fromVersion: target.version, maxCount: 1 }))
      return event;
    throw new Error(`no event ${target.streamId}@${target.version}`);
  } finally {
    await store.close();
  }
}

describe.each([
  ['SQLite', sqliteKind],
  ['PostgreSQL (a missing server fails this test)', postgresKind],
])('verify on %s', (_name, makeKind) => {
  it(
    'catches a schema version set from 2 to 1, which changes what the domain reads: verify and verify --against (exit 1, stream and version)',
    async () => {
      const kind = makeKind();
      try {
        const digestFile = path.join(dir, `digest-${randomBytes(3).toString('hex')}.json`);
        const demo = await cli(['demo', '--dossiers', '2', '--store', kind.url]);
        expect([demo.code, demo.stderr.split('\n').filter((l) => l.startsWith('cartes-badges:'))]).toEqual([
          0,
          [],
        ]);
        const [clean, saved] = await Promise.all([
          cli(['verify', '--store', kind.url]),
          cli(['digest', '--out', digestFile, '--store', kind.url]),
        ]);
        expect([clean.code, saved.code]).toEqual([0, 0]);

        const target = await kind.setSchemaVersionToOne();
        expect(target).toBeDefined();
        // What the forger gained: the event now reads as the old schema (amounts as euro text).
        const read = await eventAt(kind, target);
        expect(storedFormOf(read).metadata.schemaVersion).toBe(1);
        expect(read.data).not.toEqual(storedFormOf(read).data);

        const [all, against] = await Promise.all([
          cli(['verify', '--store', kind.url]),
          cli(['verify', '--against', digestFile, '--store', kind.url]),
        ]);
        const line = `ROMPU  ${target.streamId}  version ${target.version}  altered`;
        expect([all.code, against.code]).toEqual([1, 1]);
        expect(all.stdout).toContain(line);
        expect(against.stdout).toContain(line);
      } finally {
        await kind.cleanUp();
      }
    },
    scaledTimeout(240_000),
  );
});
