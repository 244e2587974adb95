import { Pool } from 'pg';
import type { ConcurrentTarget, ConcurrentWriters } from './concurrent-target';
import { RetryAppend } from './concurrent-target';
import { rawRows } from './raw-row';

/** Our PostgreSQL store with its defaults (NOTIFY after commit, coalesced) or NOTIFY in each transaction. */
export function oursPostgres(notify: 'after-commit' | 'in-transaction'): ConcurrentTarget {
  return {
    name: notify === 'after-commit' ? 'ours' : 'ours, NOTIFY in transaction',
    backend: 'postgres',
    async open(url, connections) {
      const { createPostgresEventStore } = await import('@cartes-badges/postgres');
      const store = await createPostgresEventStore({ connectionString: url, max: connections, notify });
      return {
        async append(streamId, event, eventsBefore) {
          // With 'any' the store waits its turn on the stream's lock after a lost race: no retry here.
          await store.appendToStream(streamId, [event], {
            expectedVersion:
              eventsBefore === 'any' ? 'any' : eventsBefore === 0 ? 'no_stream' : eventsBefore - 1,
          });
        },
        close: () => store.close(),
      };
    },
  };
}

/** Emmett's PostgreSQL store; its pool sized to the writers. */
export const emmettPostgres: ConcurrentTarget = {
  name: 'Emmett',
  backend: 'postgres',
  async open(url, connections) {
    const emmett = await import('@event-driven-io/emmett');
    const postgres = await import('@event-driven-io/emmett-postgresql');
    const { endAllPools } = await import('@event-driven-io/dumbo');
    const store = postgres.getPostgreSQLEventStore(url, {
      connectionOptions: { maxConnections: connections },
    } as never);
    return {
      async append(streamId, event, eventsBefore) {
        try {
          await store.appendToStream(streamId, [event], {
            ...(eventsBefore === 'any'
              ? {}
              : {
                  expectedStreamVersion:
                    eventsBefore === 0 ? emmett.STREAM_DOES_NOT_EXIST : BigInt(eventsBefore),
                }),
          });
        } catch (error) {
          // Racing on one stream, Emmett's insert can lose the (stream, position) race.
          if (eventsBefore === 'any') throw new RetryAppend(String(error));
          throw error;
        }
      },
      async close() {
        await store.close();
        await endAllPools();
      },
    };
  },
};

const RAW_TABLE = `
  CREATE TABLE IF NOT EXISTS raw_events (
    global_position bigserial PRIMARY KEY,
    stream_id text NOT NULL,
    version integer NOT NULL,
    event_id uuid NOT NULL,
    type text NOT NULL,
    data json NOT NULL,
    metadata json NOT NULL,
    recorded_at timestamptz NOT NULL
  )`;

// The append-order lock alone, as our append_events takes it: around the insert, released
// before the commit.
const LOCKED_INSERT = `
  CREATE OR REPLACE FUNCTION raw_insert_in_order(p_stream text, p_version integer, p_id uuid, p_type text,
                                                 p_data json, p_metadata json, p_at timestamptz)
  RETURNS void LANGUAGE plpgsql AS $$
  BEGIN
    PERFORM pg_advisory_lock(42, 42);
    INSERT INTO raw_events (stream_id, version, event_id, type, data, metadata, recorded_at)
    VALUES (p_stream, p_version, p_id, p_type, p_data, p_metadata, p_at);
    PERFORM pg_advisory_unlock(42, 42);
  END $$`;

/**
 * The ceiling: the same row (same columns, a metadata object of the same shape and size) in one
 * bare INSERT per append, one transaction each, no lock, no check, no hash. With
 * `appendOrderLock`, the same insert inside our append-order lock, to measure that lock alone.
 */
export function rawPostgres(appendOrderLock: boolean): ConcurrentTarget {
  return {
    name: appendOrderLock ? 'raw INSERT + append-order lock' : 'raw INSERT (ceiling)',
    backend: 'postgres',
    async open(url, connections) {
      const pool = new Pool({ connectionString: url, max: connections });
      await pool.query(RAW_TABLE);
      if (appendOrderLock) await pool.query(LOCKED_INSERT);
      const rowOf = rawRows();
      const statement = appendOrderLock
        ? 'SELECT raw_insert_in_order($1, $2, $3, $4, $5, $6, $7)'
        : `INSERT INTO raw_events (stream_id, version, event_id, type, data, metadata, recorded_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7)`;
      const writers: ConcurrentWriters = {
        async append(streamId, event, eventsBefore) {
          await pool.query(statement, [...rowOf(streamId, event, eventsBefore), new Date()]);
        },
        close: () => pool.end(),
      };
      return writers;
    },
  };
}
