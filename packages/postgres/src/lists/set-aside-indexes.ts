import type { ListName } from '@cartes-badges/domain';
import type { PoolClient } from 'pg';
import { listTableOf } from '@cartes-badges/domain/adapter';
import { SET_ASIDE_INDEXES_TABLE } from './read-model-schema';

// A list's table keeps ten query indexes (nine partial B-trees and a trigram GIN): keeping them
// up to date row by row is most of a rebuild. A rebuild sets them aside (their definitions are
// kept in a table, in the same transaction as the drop) and builds them again once at the end;
// a model opening on a list whose rebuild stopped half way builds them from the same record.

const q = (name: string): string => `"${name.replace(/"/g, '""')}"`;

/** Drops the list table's query indexes (not its primary key), recording how to build them again. */
export async function setAsideListIndexes(client: PoolClient, schema: string, list: ListName): Promise<void> {
  const { rows } = await client.query<{ name: string; definition: string }>(
    `SELECT c.relname AS name, pg_get_indexdef(i.indexrelid) AS definition
     FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
     WHERE i.indrelid = $1::regclass AND NOT i.indisprimary AND NOT i.indisunique`,
    [`${q(schema)}.${q(listTableOf(list))}`],
  );
  for (const { name, definition } of rows) {
    await client.query(
      `INSERT INTO ${q(schema)}.${q(SET_ASIDE_INDEXES_TABLE)} (list, name, definition) VALUES ($1, $2, $3)
       ON CONFLICT (list, name) DO NOTHING`,
      [list, name, definition],
    );
    await client.query(`DROP INDEX ${q(schema)}.${q(name)}`);
  }
}

/** Builds again the indexes a rebuild of the list set aside (none: nothing to do). */
export async function restoreListIndexes(client: PoolClient, schema: string, list: ListName): Promise<void> {
  // FOR UPDATE: of two processes restoring at once, the second finds the work done.
  const { rows } = await client.query<{ name: string; definition: string }>(
    `SELECT name, definition FROM ${q(schema)}.${q(SET_ASIDE_INDEXES_TABLE)} WHERE list = $1 FOR UPDATE`,
    [list],
  );
  for (const { name, definition } of rows) {
    const { rows: existing } = await client.query<{ found: string | null }>(
      'SELECT to_regclass($1)::text AS found',
      [`${q(schema)}.${q(name)}`],
    );
    if (existing[0].found === null) await client.query(definition);
  }
  await client.query(`DELETE FROM ${q(schema)}.${q(SET_ASIDE_INDEXES_TABLE)} WHERE list = $1`, [list]);
}
