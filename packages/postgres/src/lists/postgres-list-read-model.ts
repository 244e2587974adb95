import type { StoredCheckpoint } from '@cartes-badges/eventsourcing';
import type { ListName, ListReadModel, ListRow, RowQueryResult } from '@cartes-badges/domain';
import { matchesNothing } from '@cartes-badges/domain';
import {
  LIST_CHECKPOINTS_TABLE,
  LIST_ROW_COLUMNS,
  checkListName,
  checkpointColumns,
  checkpointFromColumns,
  lastChangeOfEach,
  listRowColumns,
  listTableOf,
  rowQueryClauses,
  type CheckpointColumns,
} from '@cartes-badges/domain/adapter';
import type { Pool, PoolClient } from 'pg';
import type { PostgresEventStore } from '../postgres-store';
import { inPoolTransaction } from '../pool-transaction';
import { DEFAULT_SCHEMA } from '../schema-name';
import { migrateReadModels } from './migrate-read-models';
import { POSTGRES_DIALECT } from './postgres-dialect';
import { restoreListIndexes, setAsideListIndexes } from './set-aside-indexes';

/** Options of `createPostgresListReadModel`. */
export interface PostgresListReadModelOptions {
  /** Which list the model holds. */
  readonly list: ListName;
  /** Schema of the tables (default: the store's schema, or 'cartes_badges' with a bare pool). */
  readonly schema?: string;
}

/** Where a read model lives: the event store's database (preferred), or any pool. */
export type PostgresReadModelHost = PostgresEventStore | Pool;

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,47}$/;
const q = (name: string): string => `"${name.replace(/"/g, '""')}"`;

function isStore(host: PostgresReadModelHost): host is PostgresEventStore {
  return typeof (host as PostgresEventStore).withTransaction === 'function';
}

/**
 * A Brouillons or Dossiers list as a PostgreSQL table next to the events (the `ListReadModel` port).
 * `commit` writes the rows and the checkpoint in one transaction, so that a crash leaves both or
 * neither; `query` answers exactly as the in-memory model does, total and page from one statement.
 * Creating it migrates the list tables (component `read-models`).
 */
export async function createPostgresListReadModel(
  host: PostgresReadModelHost,
  options: PostgresListReadModelOptions,
): Promise<ListReadModel> {
  checkListName('createPostgresListReadModel', options?.list);
  const schema = options.schema ?? (isStore(host) ? host.schema : DEFAULT_SCHEMA);
  if (!SCHEMA_NAME.test(schema)) {
    throw new Error(
      `createPostgresListReadModel: schema must be 1 to 48 characters among a-z, 0-9 and _, not starting with a digit (got ${JSON.stringify(schema)})`,
    );
  }
  const pool = isStore(host) ? host.pool : host;
  const inTransaction = <T>(fn: (client: PoolClient) => Promise<T>): Promise<T> =>
    inPoolTransaction(pool, fn);
  await migrateReadModels(pool, schema);
  const list = options.list;
  // A rebuild that stopped half way (the process killed) left the table without its indexes.
  await inTransaction((client) => restoreListIndexes(client, schema, list));

  const table = `${q(schema)}.${q(listTableOf(list))}`;
  const checkpoints = `${q(schema)}.${q(LIST_CHECKPOINTS_TABLE)}`;
  const upsert = `
    INSERT INTO ${table} (${LIST_ROW_COLUMNS.join(', ')})
    SELECT ${LIST_ROW_COLUMNS.join(', ')} FROM json_populate_recordset(NULL::${table}, $1::json)
    ON CONFLICT (dossier_id) DO UPDATE SET ${LIST_ROW_COLUMNS.filter((c) => c !== 'dossier_id')
      .map((c) => `${c} = EXCLUDED.${c}`)
      .join(', ')}`;
  const writeCheckpoint = (client: PoolClient, checkpoint: StoredCheckpoint): Promise<unknown> => {
    const { version, position } = checkpointColumns(checkpoint);
    return client.query(
      `INSERT INTO ${checkpoints} (list, version, position) VALUES ($1, $2, $3)
       ON CONFLICT (list) DO UPDATE SET version = EXCLUDED.version, position = EXCLUDED.position`,
      [list, version, position],
    );
  };

  return {
    async readCheckpoint() {
      const { rows } = await pool.query<CheckpointColumns>(
        `SELECT version, position::text AS position FROM ${checkpoints} WHERE list = $1`,
        [list],
      );
      return rows[0] === undefined ? undefined : checkpointFromColumns(rows[0]);
    },
    async getRows(dossierIds) {
      const found = new Map<string, ListRow>();
      if (dossierIds.length === 0) return found;
      const { rows } = await pool.query<{ row_json: ListRow }>(
        `SELECT row_json FROM ${table} WHERE dossier_id = ANY($1::text[])`,
        [[...dossierIds]],
      );
      for (const { row_json } of rows) found.set(row_json.dossierId, row_json);
      return found;
    },
    async commit(changes, checkpoint) {
      const last = [...lastChangeOfEach(changes).values()];
      const deleted = last.flatMap((c) => (c.op === 'delete' ? [c.dossierId] : []));
      const upserted = last.flatMap((c) => (c.op === 'upsert' ? [listRowColumns(c.row)] : []));
      await inTransaction(async (client) => {
        if (deleted.length > 0)
          await client.query(`DELETE FROM ${table} WHERE dossier_id = ANY($1::text[])`, [deleted]);
        if (upserted.length > 0) await client.query(upsert, [JSON.stringify(upserted)]);
        // Written last: a failure anywhere before the commit leaves rows and checkpoint as they were.
        await writeCheckpoint(client, checkpoint);
      });
    },
    async reset(version) {
      await inTransaction(async (client) => {
        await client.query(`TRUNCATE ${table}`);
        await writeCheckpoint(client, { version });
      });
    },
    async rebuilding(work) {
      await inTransaction((client) => setAsideListIndexes(client, schema, list));
      try {
        return await work();
      } finally {
        await inTransaction((client) => restoreListIndexes(client, schema, list));
      }
    },
    async query(query): Promise<RowQueryResult> {
      if (matchesNothing(query)) return { total: 0, rows: [] };
      const sql = rowQueryClauses(query, POSTGRES_DIALECT);
      const limit = `$${sql.params.length + 1}`;
      const offset = `$${sql.params.length + 2}`;
      const order = (alias: string): string =>
        `${alias}${sql.sortColumn} ${sql.direction}, ${alias}dossier_id ${sql.direction}`;
      // One statement, so the total and the page come from the same snapshot.
      const { rows } = await pool.query<{ total: string; rows: ListRow[] }>(
        `SELECT
           (SELECT count(*) FROM ${table} WHERE ${sql.where}) AS total,
           (SELECT coalesce(json_agg(p.row_json ORDER BY ${order('p.')}), '[]'::json)
              FROM (SELECT row_json, ${sql.sortColumn}, dossier_id FROM ${table}
                    WHERE ${sql.where} ORDER BY ${order('')} LIMIT ${limit} OFFSET ${offset}) p) AS rows`,
        [...sql.params, query.limit, query.offset],
      );
      return { total: Number(rows[0].total), rows: rows[0].rows };
    },
  };
}
