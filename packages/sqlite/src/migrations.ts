import type { Database } from 'better-sqlite3';

/** One step of a schema: applied once, in version order, inside a write transaction. */
export interface Migration {
  /** 1, 2, 3, ... without holes. */
  readonly version: number;
  readonly description: string;
  readonly up: (db: Database) => void;
}

/** The table that records which migrations of which component a database file has had. */
const CREATE_MIGRATIONS_TABLE = `
  CREATE TABLE IF NOT EXISTS schema_migrations (
    component   TEXT    NOT NULL,
    version     INTEGER NOT NULL,
    description TEXT    NOT NULL,
    applied_at  TEXT    NOT NULL,
    PRIMARY KEY (component, version)
  )`;

/** The highest migration version a component has had in this database (0 when none). */
export function schemaVersion(db: Database, component: string): number {
  db.exec(CREATE_MIGRATIONS_TABLE);
  const row = db
    .prepare<
      [string],
      { v: number | null }
    >('SELECT MAX(version) AS v FROM schema_migrations WHERE component = ?')
    .get(component);
  return row?.v ?? 0;
}

/**
 * Brings a component's tables up to the last migration. Idempotent: an up-to-date file is left
 * as it is. Runs in one IMMEDIATE transaction, so two processes opening the same fresh file
 * cannot both apply a step, and a failing step leaves the file as it was. Components (the
 * events, later the read models) keep separate version sequences in the same table.
 */
export function migrate(
  db: Database,
  component: string,
  migrations: readonly Migration[],
  now: () => Date = () => new Date(),
): { readonly from: number; readonly to: number } {
  checkSequence(component, migrations);
  const run = db.transaction(() => {
    const from = schemaVersion(db, component);
    const known = migrations.length;
    if (from > known) {
      throw new Error(
        `SQLite store: the database's ${component} schema is at version ${from}, newer than this code knows (${known}); upgrade the library`,
      );
    }
    const record = db.prepare(
      'INSERT INTO schema_migrations (component, version, description, applied_at) VALUES (?, ?, ?, ?)',
    );
    for (const migration of migrations.slice(from)) {
      migration.up(db);
      record.run(component, migration.version, migration.description, now().toISOString());
    }
    return { from, to: Math.max(from, known) };
  });
  return run.immediate();
}

function checkSequence(component: string, migrations: readonly Migration[]): void {
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new Error(
        `SQLite store: ${component} migration #${index} has version ${migration.version}, expected ${index + 1}`,
      );
    }
  });
}
