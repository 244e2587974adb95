import { STREAM_DOES_NOT_EXIST, type ExpectedStreamVersion } from '@event-driven-io/emmett';
import type { DossierEvent } from '../workloads/dossier';
import type { DurableLocation, DurableStore } from './durable';

/** Events per page when reading everything back (Emmett's readers take a batch size). */
const PAGE = 500;

const expectedStreamVersion = (eventsInStream: number): ExpectedStreamVersion =>
  eventsInStream === 0 ? STREAM_DOES_NOT_EXIST : BigInt(eventsInStream);

/**
 * Emmett's SQLite store (on one shared connection: by default it opens a connection per
 * operation on a file) or PostgreSQL store, opened on a scratch database. Everything is read
 * back with Emmett's own global reader, `readMessagesBatch`, page after page.
 */
export async function openEmmettDurable(location: DurableLocation): Promise<DurableStore> {
  return location.backend === 'sqlite' ? openSqlite(location.path) : openPostgres(location.connectionString);
}

async function openSqlite(fileName: string): Promise<DurableStore> {
  const sqlite = await import('@event-driven-io/emmett-sqlite');
  const connection = sqlite.sqliteConnection({ fileName });
  const store = sqlite.getSQLiteEventStore({ fileName, connectionOptions: { singleton: true, connection } });
  return {
    async append(streamId, events, eventsInStream) {
      await store.appendToStream<DossierEvent>(streamId, [...events], {
        expectedStreamVersion: expectedStreamVersion(eventsInStream),
      });
    },
    async readAll(visit) {
      let after = 0n;
      for (;;) {
        const page = await sqlite.readMessagesBatch<DossierEvent>(connection, { after, batchSize: PAGE });
        for (const event of page.messages) visit(event);
        if (!page.areEventsLeft || page.messages.length === 0) return;
        after = page.currentGlobalPosition;
      }
    },
    async close() {
      connection.close();
    },
  };
}

async function openPostgres(connectionString: string): Promise<DurableStore> {
  const postgres = await import('@event-driven-io/emmett-postgresql');
  const { dumbo, endAllPools } = await import('@event-driven-io/dumbo');
  const store = postgres.getPostgreSQLEventStore(connectionString);
  const pool = dumbo({ connectionString });
  return {
    async append(streamId, events, eventsInStream) {
      await store.appendToStream<DossierEvent>(streamId, [...events], {
        expectedStreamVersion: expectedStreamVersion(eventsInStream),
      });
    },
    async readAll(visit) {
      let after = 0n;
      for (;;) {
        const page = await postgres.readMessagesBatch<DossierEvent>(pool.execute, { after, batchSize: PAGE });
        for (const event of page.messages) visit(event);
        if (!page.areMessagesLeft || page.messages.length === 0) return;
        after = page.currentGlobalPosition;
      }
    },
    async close() {
      await pool.close();
      await store.close();
      // Emmett's store keeps pools of its own per connection string; without this an idle client
      // can outlive the run and crash the process when the scratch database is dropped.
      await endAllPools();
    },
  };
}
