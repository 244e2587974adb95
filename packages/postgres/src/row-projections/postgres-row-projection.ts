import type { PoolClient } from 'pg';
import { Pool } from 'pg';
import type {
  GlobalPosition,
  ProjectedRow,
  RecordedEvent,
  RowColumnType,
  RowProjectionDefinition,
  RowProjectionTable,
  StoredCheckpoint,
} from '@cartes-badges/eventsourcing';
import { RowProjectionError, rowTableOf, RowTableNotBuiltError } from '@cartes-badges/eventsourcing';
import {
  columnsChangedError,
  columnsSignature,
  foldRowBatch,
  ROW_PROJECTION_CHECKPOINTS,
} from '@cartes-badges/eventsourcing/adapter';
import { inPoolTransaction } from '../pool-transaction';
import type { PostgresEventStore } from '../postgres-store';
import { checkSchemaName, DEFAULT_SCHEMA, quoteIdent as q } from '../schema-name';

/** Where a row projection's table lives: the event store's database (its schema), or any pool. */
export type PostgresRowProjectionHost = PostgresEventStore | Pool;

/** Options of `createPostgresRowProjection`. */
export interface PostgresRowProjectionOptions {
  /** Schema of the table (default: the store's schema, or 'cartes_badges' with a bare pool). */
  readonly schema?: string;
  /**
   * Only read a table already built at the projection's version (an export): nothing is created
   * or written (no schema, no table), and a table never built here is a `RowTableNotBuiltError`.
   */
  readonly readOnly?: boolean;
}

const SQL_TYPE: Readonly<Record<RowColumnType, string>> = {
  text: 'text',
  integer: 'integer',
  bigint: 'bigint',
  double: 'double precision',
  boolean: 'boolean',
  timestamptz: 'timestamptz',
  json: 'jsonb',
};

// What node-postgres gives back as other JavaScript types than the row had: bigint as text,
// timestamptz as a Date.
const decode = (type: RowColumnType, value: unknown): unknown =>
  value === null
    ? null
    : type === 'bigint'
      ? Number(value)
      : type === 'timestamptz'
        ? (value as Date).toISOString()
        : value;

const isStore = (host: PostgresRowProjectionHost): host is PostgresEventStore =>
  typeof (host as PostgresEventStore).withTransaction === 'function';

/**
 * A row projection as a PostgreSQL table (`rows_<name>` in the store's schema, key column as
 * primary key): each batch's rows and its checkpoint are written in one transaction (the
 * checkpoint row locked first, so two runners of the same projection take turns), so that a
 * process killed mid-batch leaves the table at the last batch committed and the next run
 * resumes to exactly the full fold. A new version drops and recreates the table (`reset`).
 */
export async function createPostgresRowProjection<Row extends ProjectedRow>(
  host: PostgresRowProjectionHost,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any event union the projection folds
  definition: RowProjectionDefinition<Row, any>,
  options: PostgresRowProjectionOptions = {},
): Promise<RowProjectionTable<Row>> {
  const schema = checkSchemaName(options.schema ?? (isStore(host) ? host.schema : DEFAULT_SCHEMA));
  const pool = isStore(host) ? host.pool : host;
  const tableName = rowTableOf(definition.name);
  const table = `${q(schema)}.${q(tableName)}`;
  const checkpoints = `${q(schema)}.${q(ROW_PROJECTION_CHECKPOINTS)}`;
  const columns = [{ name: definition.key, type: 'text' as const }, ...definition.columns];
  const signature = columnsSignature(definition);
  const createTable = `CREATE TABLE IF NOT EXISTS ${table} (${columns
    .map((c, i) => `${q(c.name)} ${SQL_TYPE[c.type]}${i === 0 ? ' PRIMARY KEY' : ''}`)
    .join(', ')})`;
  const names = columns.map((c) => q(c.name)).join(', ');
  const others = definition.columns.map((c) => `${q(c.name)} = EXCLUDED.${q(c.name)}`);
  // One statement a batch, whatever its size: the rows as one JSON array, typed by the table's row type.
  const upsert = `INSERT INTO ${table} (${names})
    SELECT ${names} FROM json_populate_recordset(NULL::${table}, $1::json)
    ON CONFLICT (${q(definition.key)}) DO ${others.length === 0 ? 'NOTHING' : `UPDATE SET ${others.join(', ')}`}`;
  const writeCheckpoint = `INSERT INTO ${checkpoints} (name, version, position, columns) VALUES ($1, $2, $3, $4)
    ON CONFLICT (name) DO UPDATE SET version = EXCLUDED.version, position = EXCLUDED.position, columns = EXCLUDED.columns`;

  if (!options.readOnly) {
    await pool.query(`CREATE SCHEMA IF NOT EXISTS ${q(schema)}`);
    await pool.query(
      `CREATE TABLE IF NOT EXISTS ${checkpoints} (name text PRIMARY KEY, version integer, position bigint, columns text)`,
    );
  } else {
    const found = await pool.query<{ found: boolean }>(`SELECT to_regclass($1) IS NOT NULL AS found`, [
      checkpoints,
    ]);
    if (!found.rows[0]?.found)
      throw new RowTableNotBuiltError(definition.name, definition.version, undefined);
  }
  const existing = await pool.query<{ version: number | null; columns: string | null }>(
    `SELECT version, columns FROM ${checkpoints} WHERE name = $1`,
    [definition.name],
  );
  if (existing.rows[0]?.version === definition.version) {
    if (existing.rows[0].columns !== signature) throw columnsChangedError(definition.name);
    if (!options.readOnly) await pool.query(createTable);
  } else if (options.readOnly) {
    throw new RowTableNotBuiltError(
      definition.name,
      definition.version,
      existing.rows[0]?.version ?? undefined,
    );
  }
  const writable = (): void => {
    if (options.readOnly)
      throw new RowProjectionError(`Projection ${definition.name}: table opened read-only`);
  };

  const rowOf = (record: Record<string, unknown>): [string, Row] => {
    const row: Record<string, unknown> = {};
    for (const c of definition.columns) row[c.name] = decode(c.type, record[c.name]);
    return [record[definition.key] as string, row as Row];
  };
  const readPosition = async (
    client: PoolClient | Pool,
    lock: boolean,
  ): Promise<GlobalPosition | undefined> => {
    const result = await client.query<{ position: string | null }>(
      `SELECT position FROM ${checkpoints} WHERE name = $1${lock ? ' FOR UPDATE' : ''}`,
      [definition.name],
    );
    const position = result.rows[0]?.position;
    return position === null || position === undefined ? undefined : BigInt(position);
  };

  return {
    table: `${schema}.${tableName}`,
    async readCheckpoint(): Promise<StoredCheckpoint | undefined> {
      const result = await pool.query<{ version: number | null; position: string | null }>(
        `SELECT version, position FROM ${checkpoints} WHERE name = $1`,
        [definition.name],
      );
      const record = result.rows[0];
      if (record === undefined) return undefined;
      return {
        ...(record.position === null ? {} : { position: BigInt(record.position) }),
        ...(record.version === null ? {} : { version: record.version }),
      };
    },
    async applyBatch(events: readonly RecordedEvent[], checkpoint: GlobalPosition) {
      writable();
      await inPoolTransaction(pool, async (client) => {
        // At-least-once delivery: what the stored checkpoint covers is already in the table.
        const done = await readPosition(client, true);
        const fresh = done === undefined ? events : events.filter((e) => e.globalPosition > done);
        const keys = [...new Set(fresh.map((e) => definition.keyOf(e)).filter((k) => typeof k === 'string'))];
        const stored =
          keys.length === 0
            ? new Map<string, Row>()
            : new Map(
                (
                  await client.query<Record<string, unknown>>(
                    `SELECT * FROM ${table} WHERE ${q(definition.key)} = ANY($1::text[])`,
                    [keys],
                  )
                ).rows.map(rowOf),
              );
        const upserts: Record<string, unknown>[] = [];
        const deletes: string[] = [];
        for (const [key, row] of foldRowBatch(definition, fresh, stored)) {
          if (row === undefined) deletes.push(key);
          else upserts.push({ ...row, [definition.key]: key });
        }
        if (deletes.length > 0)
          await client.query(`DELETE FROM ${table} WHERE ${q(definition.key)} = ANY($1::text[])`, [deletes]);
        if (upserts.length > 0) await client.query(upsert, [JSON.stringify(upserts)]);
        // Written last, in the same transaction: rows and checkpoint move together or not at all.
        if (done === undefined || checkpoint > done)
          await client.query(writeCheckpoint, [
            definition.name,
            definition.version,
            checkpoint.toString(),
            signature,
          ]);
      });
    },
    async reset(version: number) {
      writable();
      await inPoolTransaction(pool, async (client) => {
        await client.query(`DROP TABLE IF EXISTS ${table}`);
        await client.query(createTable);
        await client.query(writeCheckpoint, [definition.name, version, null, signature]);
      });
    },
    async rows() {
      const result = await pool.query<Record<string, unknown>>(`SELECT * FROM ${table}`);
      return new Map(result.rows.map(rowOf));
    },
  };
}

/**
 * A row projection's table in the database at `connectionString` (its schema created if
 * missing, unless read-only), on a small pool of its own: `close` it when done.
 */
export async function openPostgresRowProjection<Row extends ProjectedRow>(
  connectionString: string,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any event union the projection folds
  definition: RowProjectionDefinition<Row, any>,
  options: PostgresRowProjectionOptions = {},
): Promise<RowProjectionTable<Row> & { close(): Promise<void> }> {
  const pool = new Pool({ connectionString, max: 2, connectionTimeoutMillis: 5000 });
  try {
    const table = await createPostgresRowProjection(pool, definition, options);
    return Object.assign(table, { close: () => pool.end() });
  } catch (error) {
    await pool.end();
    throw error;
  }
}
