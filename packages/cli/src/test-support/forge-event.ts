import type { Signer } from '@cartes-badges/eventsourcing';
import type { PreparedEvent } from '@cartes-badges/eventsourcing/adapter';
import { prepareEventsForAppend } from '@cartes-badges/eventsourcing/adapter';
import type { PostgresEventStore } from '@cartes-badges/postgres';
import { createSqliteEventStore } from '@cartes-badges/sqlite';

// What someone with write access to the database and no service key can do: append to a
// dossier a `Granted` of 999 999,00 € hashed exactly as a store hashes, chained on the stream's
// last event, written with a plain INSERT. The chain alone accepts it; a keyring must not.

/** The forged event's place: its stream and version. */
export interface Forgery {
  readonly streamId: string;
  readonly version: number;
}

interface Head {
  readonly streamId: string;
  readonly version: number;
  readonly hash: string;
  readonly recordedAt: string;
}

const LAST_DOSSIER_EVENT = `SELECT stream_id AS "streamId", version, metadata, recorded_at AS "recordedAt"
  FROM events WHERE stream_id LIKE 'dossier-%' ORDER BY global_position DESC LIMIT 1`;

function forged(head: Head, signer?: Signer): PreparedEvent[] {
  return prepareEventsForAppend({
    streamId: head.streamId,
    firstVersion: head.version + 1,
    prevHash: head.hash,
    events: [{ type: 'Granted', data: { amountGrantedCents: 99_999_900 } }],
    now: new Date(Date.parse(head.recordedAt) + 1000),
    ...(signer ? { signer } : {}),
  });
}

const row = (streamId: string, event: PreparedEvent) => [
  streamId,
  event.version,
  event.eventId,
  event.type,
  JSON.stringify(event.data),
  JSON.stringify(event.metadata),
  event.recordedAt,
];

/** Forges a correctly hashed event straight into a SQLite events file (signed by `signer` if given). */
export async function forgeIntoSqlite(file: string, signer?: Signer): Promise<Forgery> {
  const store = createSqliteEventStore({ path: file });
  try {
    const last = store.database.prepare(LAST_DOSSIER_EVENT).get() as Omit<Head, 'hash'> & {
      metadata: string;
    };
    const [event] = forged({ ...last, hash: (JSON.parse(last.metadata) as { hash: string }).hash }, signer);
    store.database
      .prepare(
        'INSERT INTO events (stream_id, version, event_id, type, data, metadata, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      )
      .run(...row(last.streamId, event));
    return { streamId: last.streamId, version: event.version };
  } finally {
    await store.close();
  }
}

/** The same straight into a PostgreSQL store's events table. */
export async function forgeIntoPostgres(store: PostgresEventStore, signer?: Signer): Promise<Forgery> {
  const events = `"${store.schema}".events`;
  const { rows } = await store.pool.query<
    Omit<Head, 'hash'> & { metadata: { hash: string }; recordedAt: Date }
  >(LAST_DOSSIER_EVENT.replace('FROM events', `FROM ${events}`));
  const last = rows[0];
  const [event] = forged(
    { ...last, hash: last.metadata.hash, recordedAt: new Date(last.recordedAt).toISOString() },
    signer,
  );
  await store.pool.query(
    `INSERT INTO ${events} (stream_id, version, event_id, type, data, metadata, recorded_at)
     VALUES ($1, $2, $3::uuid, $4, $5::json, $6::json, $7::timestamptz)`,
    row(last.streamId, event),
  );
  return { streamId: last.streamId, version: event.version };
}
