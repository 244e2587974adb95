import type { ReadModelMigration } from '../component-migrations';
import { quoteIdent as q } from '../schema-name';

/** The component under which the lease and reactor ledger tables record their migrations. */
export const WORKERS_COMPONENT = 'workers';

/** One row per lease: who holds it, its fencing token, until when. */
export const WORKER_LEASES_TABLE = 'worker_leases';

/** Each reactor's checkpoint. */
export const REACTOR_CHECKPOINTS_TABLE = 'reactor_checkpoints';

/** The effects each reactor has done, by dedupe key. */
export const REACTOR_DONE_TABLE = 'reactor_done';

/** The lease and reactor ledger tables' migrations, in order (component `workers`). */
export const WORKER_MIGRATIONS: readonly ReadModelMigration[] = [
  {
    version: 1,
    description: 'Worker leases (holder, fencing token, expiry); reactor checkpoints and done keys',
    async up(client, schema) {
      await client.query(`
        CREATE TABLE ${q(schema)}.${q(WORKER_LEASES_TABLE)} (
          name       text PRIMARY KEY,
          holder     text NOT NULL,
          token      bigint NOT NULL,
          expires_at timestamptz NOT NULL
        );
        CREATE TABLE ${q(schema)}.${q(REACTOR_CHECKPOINTS_TABLE)} (
          reactor  text PRIMARY KEY,
          position bigint NOT NULL
        );
        CREATE TABLE ${q(schema)}.${q(REACTOR_DONE_TABLE)} (
          reactor  text NOT NULL,
          key      text NOT NULL,
          position bigint NOT NULL,
          done_at  timestamptz NOT NULL DEFAULT now(),
          PRIMARY KEY (reactor, key)
        )`);
    },
  },
];
