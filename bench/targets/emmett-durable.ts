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
    readAll: (visit, expected) =>
      readUntil(expected, visit, (after) =>
        sqlite.readMessagesBatch<DossierEvent>(connection, { after, batchSize: PAGE }),
      ),
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
    readAll: (visit, expected) =>
      readUntil(expected, visit, (after) =>
        postgres.readMessagesBatch<DossierEvent>(pool.execute, { after, batchSize: PAGE }),
      ),
    async close() {
      await pool.close();
      await store.close();
      // Emmett's store keeps pools of its own per connection string; without this an idle client
      // can outlive the run and crash the process when the scratch database is dropped.
      await endAllPools();
    },
  };
}

/** How long a read waits for events held back by open transactions before giving up. */
const HELD_BACK_TIMEOUT_MS = 60_000;

/**
 * Reads pages after the last position until `expected` events were read. Emmett's PostgreSQL
 * reader leaves out events of transactions newer than the oldest one still open on the server
 * (any database), as its consumers do: an empty page then means "not yet", so it waits and asks
 * again, and that wait is part of the measured time.
 */
async function readUntil(
  expected: number,
  visit: (event: DossierEvent) => void,
  readPage: (after: bigint) => Promise<{ messages: DossierEvent[]; currentGlobalPosition: bigint }>,
): Promise<void> {
  const deadline = Date.now() + HELD_BACK_TIMEOUT_MS;
  let after = 0n;
  let read = 0;
  while (read < expected) {
    const page = await readPage(after);
    for (const event of page.messages) visit(event);
    read += page.messages.length;
    if (page.messages.length > 0) after = page.currentGlobalPosition;
    else if (Date.now() > deadline) throw new Error(`Emmett read ${read} of ${expected} events`);
    else await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
