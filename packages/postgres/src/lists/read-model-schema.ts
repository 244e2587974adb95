import type { ListName } from '@cartes-badges/domain';
import { LIST_CHECKPOINTS_TABLE, LIST_QUERY_INDEXES, listTableOf } from '@cartes-badges/domain/adapter';
import type { PoolClient } from 'pg';
import type { ReadModelMigration } from '../component-migrations';

/** The query indexes a rebuild set aside (their definitions), until it builds them again. */
export const SET_ASIDE_INDEXES_TABLE = 'list_set_aside_indexes';

const q = (name: string): string => `"${name.replace(/"/g, '""')}"`;

// Text columns sort and compare with the "C" collation: byte order, as JavaScript compares the
// (ASCII) keys in memory, whatever the database's locale. The query indexes are
// LIST_QUERY_INDEXES, partial (WHERE listed).
function listTable(schema: string, list: ListName): string {
  const t = `${q(schema)}.${q(listTableOf(list))}`;
  const ix = (suffix: string): string => q(`${listTableOf(list)}_${suffix}`);
  return `
    CREATE TABLE ${t} (
      dossier_id      text COLLATE "C" PRIMARY KEY,
      number          text COLLATE "C" NOT NULL,
      number_upper    text COLLATE "C" NOT NULL,
      number_key      text COLLATE "C" NOT NULL,
      card_type_code  text COLLATE "C" NOT NULL,
      card_type_label text NOT NULL,
      company_name    text NOT NULL,
      siret           text COLLATE "C" NOT NULL,
      siren           text COLLATE "C" NOT NULL,
      provider_siret  text COLLATE "C",
      provider_siren  text COLLATE "C",
      status          text COLLATE "C" NOT NULL,
      created_at      text COLLATE "C" NOT NULL,
      updated_at      text COLLATE "C" NOT NULL,
      transmitted_at  text COLLATE "C",
      transmitted_key text COLLATE "C" NOT NULL,
      total_cents     bigint NOT NULL,
      search_key      text COLLATE "C" NOT NULL,
      listed          boolean NOT NULL,
      row_json        json NOT NULL
    );
    ${LIST_QUERY_INDEXES.map(([suffix, columns]) => `CREATE INDEX ${ix(suffix)} ON ${t} (${columns}) WHERE listed;`).join('\n')}`;
}

/**
 * Makes pg_trgm available if the server allows it, and says in which schema it lives (undefined
 * when it cannot be had: searches then read the keys of the scope's rows, as on SQLite).
 */
async function trigramSchema(client: PoolClient): Promise<string | undefined> {
  // One creator at a time in the whole database: concurrent CREATE EXTENSION may collide.
  await client.query(`SELECT pg_advisory_xact_lock(hashtext('cartes-badges pg_trgm'))`);
  await client.query('SAVEPOINT read_models_trgm');
  try {
    await client.query('CREATE EXTENSION IF NOT EXISTS pg_trgm');
    await client.query('RELEASE SAVEPOINT read_models_trgm');
  } catch {
    // Not installed on the server, or no right to create it: the plain LIKE will do.
    await client.query('ROLLBACK TO SAVEPOINT read_models_trgm');
  }
  const found = await client.query<{ nspname: string }>(
    `SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'pg_trgm'`,
  );
  return found.rows[0]?.nspname;
}

/** The list tables' migrations, in order (component `read-models`). */
export const READ_MODEL_MIGRATIONS: readonly ReadModelMigration[] = [
  {
    version: 1,
    description: 'Brouillons and Dossiers rows with their query indexes; list checkpoints',
    async up(client, schema) {
      await client.query(listTable(schema, 'brouillons'));
      await client.query(listTable(schema, 'dossiers'));
      await client.query(`
        CREATE TABLE ${q(schema)}.${q(LIST_CHECKPOINTS_TABLE)} (
          list     text PRIMARY KEY,
          version  integer,
          position bigint
        )`);
    },
  },
  {
    version: 2,
    description: 'Trigram index on the search key (when pg_trgm is available)',
    async up(client, schema) {
      const trgm = await trigramSchema(client);
      if (trgm === undefined) return;
      for (const list of ['brouillons', 'dossiers'] as const) {
        await client.query(
          `CREATE INDEX ${q(`${listTableOf(list)}_search`)} ON ${q(schema)}.${q(listTableOf(list))}
           USING gin (search_key ${q(trgm)}.gin_trgm_ops) WHERE listed`,
        );
      }
    },
  },
  {
    version: 3,
    description: 'Query indexes set aside while a list is rebuilt',
    async up(client, schema) {
      await client.query(`
        CREATE TABLE ${q(schema)}.${q(SET_ASIDE_INDEXES_TABLE)} (
          list       text NOT NULL,
          name       text NOT NULL,
          definition text NOT NULL,
          PRIMARY KEY (list, name)
        )`);
    },
  },
];
