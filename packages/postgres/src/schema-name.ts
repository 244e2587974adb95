/**
 * A PostgreSQL schema name the store accepts: lower-case letters, digits and underscores,
 * starting with a letter or underscore, at most 48 characters (so that the notification
 * channel derived from it stays under PostgreSQL's 63-character identifier limit).
 */
const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,47}$/;

/** The schema used when the caller names none. */
export const DEFAULT_SCHEMA = 'cartes_badges';

/** Checks a schema name and returns it; throws an error naming the field otherwise. */
export function checkSchemaName(schema: string): string {
  if (typeof schema !== 'string' || !SCHEMA_NAME.test(schema)) {
    throw new Error(
      `createPostgresEventStore: schema must be 1 to 48 characters among a-z, 0-9 and _, not starting with a digit (got ${JSON.stringify(schema)})`,
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
