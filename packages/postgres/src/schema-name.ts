/**
 * A PostgreSQL schema name the store accepts: lower-case letters, digits and underscores,
 * starting with a letter or underscore, at most 48 characters (so that the notification
 * channel derived from it stays under PostgreSQL's 63-character identifier limit).
 */
const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,47}$/;

/** The schema used when the caller names none. */
export const DEFAULT_SCHEMA = 'cartes_badges';

/**
 * Whether a store may not live in this schema: `pg_*` and `information_schema` are PostgreSQL's
 * own (the catalog; CREATE SCHEMA refuses `pg_` names), and `public` is every database's shared
 * default schema, on everyone's search_path, where another application's `events` table sits
 * next to ours and a read would take it for a store.
 */
export function isReservedSchemaName(schema: string): boolean {
  return schema.startsWith('pg_') || schema === 'information_schema' || schema === 'public';
}

/** Checks a schema name and returns it; throws an error naming the field otherwise. */
export function checkSchemaName(schema: string): string {
  if (typeof schema !== 'string' || !SCHEMA_NAME.test(schema)) {
    throw new Error(
      `createPostgresEventStore: schema must be 1 to 48 characters among a-z, 0-9 and _, not starting with a digit (got ${JSON.stringify(String(schema).slice(0, 60))})`,
    );
  }
  if (isReservedSchemaName(schema)) {
    throw new Error(
      `createPostgresEventStore: schema ${JSON.stringify(schema)} is reserved (pg_* and information_schema belong to PostgreSQL, public is the database's shared default schema); give the store a schema of its own, such as ${DEFAULT_SCHEMA}`,
    );
  }
  return schema;
}

/** The schema as a quoted SQL identifier (safe once checked, quoted anyway). */
export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** A SQL string literal (for names baked into function bodies at migration time). */
export function quoteLiteral(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

/** The LISTEN/NOTIFY channel on which a schema's appends are announced. */
export function channelOf(schema: string): string {
  return `${schema}_events_appended`;
}
