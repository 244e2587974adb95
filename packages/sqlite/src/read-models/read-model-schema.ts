import type { ListName } from '@cartes-badges/domain';
import type { Migration } from '../migrations';

/** The component under which the list tables record their migrations in `schema_migrations`. */
export const READ_MODELS_COMPONENT = 'read-models';

/** The table holding one list's rows. */
export function listTableOf(list: ListName): string {
  return `list_rows_${list}`;
}

/** The table holding each list's checkpoint, written in the same transaction as its rows. */
export const LIST_CHECKPOINTS_TABLE = 'list_checkpoints';

// Partial indexes (WHERE listed = 1) hold only what queries can return: unlisted rows (drafts kept
// by the Dossiers list until transmitted) cost nothing to the pages. Each ends with the default
// sort key so that a scope's first page is read in order, without a sort.
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
    CREATE INDEX ${t}_siret    ON ${t} (siret, number_key, dossier_id) WHERE listed = 1;
    CREATE INDEX ${t}_provider ON ${t} (provider_siren, number_key, dossier_id) WHERE listed = 1;
    CREATE INDEX ${t}_siren    ON ${t} (siren, number_key) WHERE listed = 1;
    CREATE INDEX ${t}_number   ON ${t} (number_key, dossier_id) WHERE listed = 1;
    CREATE INDEX ${t}_status   ON ${t} (status, number_key) WHERE listed = 1;
    CREATE INDEX ${t}_card     ON ${t} (card_type_code, number_key) WHERE listed = 1;
    CREATE INDEX ${t}_created  ON ${t} (created_at, dossier_id) WHERE listed = 1;
    CREATE INDEX ${t}_updated  ON ${t} (updated_at, dossier_id) WHERE listed = 1;
    CREATE INDEX ${t}_transmitted ON ${t} (transmitted_key, dossier_id) WHERE listed = 1;`;
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
