import type { ReactorLedger } from '@cartes-badges/eventsourcing';
import { LeaseLostError } from '@cartes-badges/eventsourcing';
import { currentLease } from '@cartes-badges/eventsourcing/adapter';
import type { Pool } from 'pg';
import { inPoolTransaction } from '../pool-transaction';
import type { PostgresEventStore } from '../postgres-store';
import { migrateComponent } from '../component-migrations';
import { checkSchemaName, DEFAULT_SCHEMA, quoteIdent as q } from '../schema-name';
import {
  REACTOR_CHECKPOINTS_TABLE,
  REACTOR_DONE_TABLE,
  WORKER_MIGRATIONS,
  WORKERS_COMPONENT,
} from './lease-schema';

function isStore(host: PostgresEventStore | Pool): host is PostgresEventStore {
  return typeof (host as PostgresEventStore).withTransaction === 'function';
}

/**
 * A reactor's durable ledger (checkpoint and done keys) in the store's database, so that a
 * restarted or another instance resumes where the last one stopped. Its writes are fenced by
 * the worker lease they run under; before each effect it checks that the lease is still held.
 */
export async function createPostgresReactorLedger(
  host: PostgresEventStore | Pool,
  options: { readonly reactor: string; readonly schema?: string },
): Promise<ReactorLedger> {
  const pool = isStore(host) ? host.pool : host;
  const schema = checkSchemaName(options.schema ?? (isStore(host) ? host.schema : DEFAULT_SCHEMA));
  await migrateComponent(pool, schema, WORKERS_COMPONENT, WORKER_MIGRATIONS);
  const checkpoints = `${q(schema)}.${q(REACTOR_CHECKPOINTS_TABLE)}`;
  const done = `${q(schema)}.${q(REACTOR_DONE_TABLE)}`;
  const reactor = options.reactor;
  return {
    async readCheckpoint() {
      const { rows } = await pool.query<{ position: string }>(
        `SELECT position::text AS position FROM ${checkpoints} WHERE reactor = $1`,
        [reactor],
      );
      return rows[0] === undefined ? undefined : { position: BigInt(rows[0].position) };
    },
    async saveCheckpoint(position) {
      await inPoolTransaction(pool, (client) =>
        client.query(
          `INSERT INTO ${checkpoints} (reactor, position) VALUES ($1, $2)
           ON CONFLICT (reactor) DO UPDATE SET position = EXCLUDED.position`,
          [reactor, position.toString()],
        ),
      );
    },
    async isDone(key) {
      // Asked just before each effect: a holder that lost its lease sends nothing more.
      const lease = currentLease();
      if (lease && !lease.isHeld()) throw new LeaseLostError(lease.name, 'lost before an effect');
      const { rows } = await pool.query(`SELECT 1 FROM ${done} WHERE reactor = $1 AND key = $2`, [
        reactor,
        key,
      ]);
      return rows.length > 0;
    },
    async markDone(key, position) {
      await inPoolTransaction(pool, (client) =>
        client.query(
          `INSERT INTO ${done} (reactor, key, position) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
          [reactor, key, position.toString()],
        ),
      );
    },
  };
}
