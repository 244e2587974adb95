import type { ListName } from '@cartes-badges/domain';
import { LIST_CHECKPOINTS_TABLE, LIST_QUERY_INDEXES, listTableOf } from '@cartes-badges/domain/adapter';
import type { Migration } from '../migrations';

/**
 * The query indexes of a list's table (`LIST_QUERY_INDEXES`, partial: `WHERE listed = 1`). Only
 * queries need them: a rebuild from scratch drops them and builds them once at the end (`IF NOT
 * EXISTS` then, and when a model opens, in case a rebuild stopped half way).
 */
export function listIndexesSql(list: ListName, ifNotExists = false): string {
  const t = listTableOf(list);
  const create = ifNotExists ? 'CREATE INDEX IF NOT EXISTS' : 'CREATE INDEX';
  return LIST_QUERY_INDEXES.map(
    ([name, columns]) => `${create} ${t}_${name} ON ${t} (${columns}) WHERE listed = 1;`,
  ).join('\n');
}

/** Drops the query indexes of a list's table (see `listIndexesSql`). */
export function dropListIndexesSql(list: ListName): string {
  const t = listTableOf(list);
  return LIST_QUERY_INDEXES.map(([name]) => `DROP INDEX IF EXISTS ${t}_${name};`).join('\n');
}

function listTable(list: ListName): string {
  const t = listTableOf(list);
  return `
    CREATE TABLE ${t} (
      dossier_id      TEXT    NOT NULL PRIMARY KEY,
      number          TEXT    NOT NULL,
      number_upper    TEXT    NOT NULL,
      number_key      TEXT    NOT NULL,
      card_type_code  TEXT    NOT NULL,
      card_type_label TEXT    NOT NULL,
      company_name    TEXT    NOT NULL,
      siret           TEXT    NOT NULL,
      siren           TEXT    NOT NULL,
      provider_siret  TEXT,
      provider_siren  TEXT,
      status          TEXT    NOT NULL,
      created_at      TEXT    NOT NULL,
      updated_at      TEXT    NOT NULL,
      transmitted_at  TEXT,
      transmitted_key TEXT    NOT NULL,
      total_cents     INTEGER NOT NULL,
      search_key      TEXT    NOT NULL,
      listed          INTEGER NOT NULL,
      row_json        TEXT    NOT NULL
    ) WITHOUT ROWID;
    ${listIndexesSql(list)}`;
}

/** The list tables' migrations, in order (component `read-models`). */
export const READ_MODEL_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'Brouillons and Dossiers rows with their query indexes; list checkpoints',
    up(db) {
      db.exec(listTable('brouillons'));
      db.exec(listTable('dossiers'));
      db.exec(`
        CREATE TABLE ${LIST_CHECKPOINTS_TABLE} (
          list     TEXT    NOT NULL PRIMARY KEY,
          version  INTEGER,
          position TEXT
        )`);
    },
  },
];
