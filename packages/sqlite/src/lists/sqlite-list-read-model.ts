import type Database from 'better-sqlite3';
import type { StoredCheckpoint } from '@cartes-badges/eventsourcing';
import type { ListName, ListReadModel, ListRow, RowQueryResult } from '@cartes-badges/domain';
import { matchesNothing } from '@cartes-badges/domain';
import {
  LIST_CHECKPOINTS_TABLE,
  LIST_ROW_COLUMNS,
  READ_MODELS_COMPONENT,
  checkListName,
  checkpointColumns,
  checkpointFromColumns,
  lastChangeOfEach,
  listRowColumns,
  listTableOf,
  rowQueryClauses,
  type CheckpointColumns,
  type RowQueryClauses,
} from '@cartes-badges/domain/adapter';
import { migrate } from '../migrations';
import type { SqliteEventStore } from '../sqlite-store';
import { READ_MODEL_MIGRATIONS, dropListIndexesSql, listIndexesSql } from './read-model-schema';
import { SQLITE_DIALECT } from './sqlite-dialect';

/** Options of `createSqliteListReadModel`. */
export interface SqliteListReadModelOptions {
  /** Which list the model holds. */
  readonly list: ListName;
}

/** Where a read model lives: the event store's file (preferred), or any open connection. */
export type SqliteReadModelHost = SqliteEventStore | Database.Database;

// SQLite has no boolean and stores the row as JSON text.
function sqliteColumns(row: ListRow): Record<string, unknown> {
  const columns = listRowColumns(row);
  return { ...columns, listed: columns.listed ? 1 : 0, row_json: JSON.stringify(row) };
}

function isStore(host: SqliteReadModelHost): host is SqliteEventStore {
  return 'database' in host && typeof (host as SqliteEventStore).transaction === 'function';
}

/**
 * A Brouillons or Dossiers list as a SQLite table next to the events (the `ListReadModel` port).
 * `commit` writes the rows and the checkpoint in one IMMEDIATE transaction, so that a crash
 * leaves both or neither; `query` answers exactly as the in-memory model does (scope, filters,
 * search, sort, page). Opening migrates the list tables (component `read-models`).
 */
export function createSqliteListReadModel(
  host: SqliteReadModelHost,
  options: SqliteListReadModelOptions,
): ListReadModel {
  checkListName('createSqliteListReadModel', options?.list);
  const db = isStore(host) ? host.database : host;
  const inTransaction = <T>(fn: () => T): T =>
    isStore(host) ? host.transaction(fn) : db.transaction(fn).immediate();
  migrate(db, READ_MODELS_COMPONENT, READ_MODEL_MIGRATIONS);
  // A rebuild that stopped half way (the process killed) left the table without its indexes.
  db.exec(listIndexesSql(options.list, true));

  const list = options.list;
  const table = listTableOf(list);
  const upsert = db.prepare(
    `INSERT OR REPLACE INTO ${table} (${LIST_ROW_COLUMNS.join(', ')}) VALUES (${LIST_ROW_COLUMNS.map((c) => `@${c}`).join(', ')})`,
  );
  const remove = db.prepare(`DELETE FROM ${table} WHERE dossier_id = ?`);
  const clear = db.prepare(`DELETE FROM ${table}`);
  const selectRows = db.prepare<[string], { row_json: string }>(
    `SELECT row_json FROM ${table} WHERE dossier_id IN (SELECT value FROM json_each(?))`,
  );
  const readCheckpointRow = db.prepare<[string], CheckpointColumns>(
    `SELECT version, position FROM ${LIST_CHECKPOINTS_TABLE} WHERE list = ?`,
  );
  const writeCheckpointRow = db.prepare(
    `INSERT INTO ${LIST_CHECKPOINTS_TABLE} (list, version, position) VALUES (@list, @version, @position)
     ON CONFLICT (list) DO UPDATE SET version = excluded.version, position = excluded.position`,
  );
  const writeCheckpoint = (checkpoint: StoredCheckpoint): void => {
    writeCheckpointRow.run({ list, ...checkpointColumns(checkpoint) });
  };
  // Statements per query shape, prepared once (a list has a handful of shapes in use).
  const statements = new Map<string, Database.Statement>();
  const statement = (sql: string): Database.Statement => {
    let prepared = statements.get(sql);
    if (prepared === undefined) {
      if (statements.size > 200) statements.clear();
      statements.set(sql, (prepared = db.prepare(sql)));
    }
    return prepared;
  };
  // Count and page from one read transaction: the total matches the page even if another
  // process commits in between.
  const readPage = db.transaction((sql: RowQueryClauses, offset: number, limit: number) => {
    const orderBy = `${sql.sortColumn} ${sql.direction}, dossier_id ${sql.direction}`;
    const total = statement(`SELECT COUNT(*) FROM ${table} WHERE ${sql.where}`)
      .pluck()
      .get(...sql.params) as number;
    const rows =
      limit > 0 && offset < total
        ? (statement(`SELECT row_json FROM ${table} WHERE ${sql.where} ORDER BY ${orderBy} LIMIT ? OFFSET ?`)
            .pluck()
            .all(...sql.params, limit, offset) as string[])
        : [];
    return { total, rows: rows.map((json) => JSON.parse(json) as ListRow) };
  });

  return {
    async readCheckpoint() {
      const record = readCheckpointRow.get(list);
      return record === undefined ? undefined : checkpointFromColumns(record);
    },
    async getRows(dossierIds) {
      const found = new Map<string, ListRow>();
      if (dossierIds.length === 0) return found;
      for (const { row_json } of selectRows.all(JSON.stringify(dossierIds))) {
        const row = JSON.parse(row_json) as ListRow;
        found.set(row.dossierId, row);
      }
      return found;
    },
    async commit(changes, checkpoint) {
      inTransaction(() => {
        for (const [id, change] of lastChangeOfEach(changes)) {
          if (change.op === 'delete') remove.run(id);
          else upsert.run(sqliteColumns(change.row));
        }
        // Written last: a failure anywhere before it leaves rows and checkpoint as they were.
        writeCheckpoint(checkpoint);
      });
    },
    async reset(version) {
      inTransaction(() => {
        clear.run();
        writeCheckpoint({ version });
      });
    },
    async query(query): Promise<RowQueryResult> {
      if (matchesNothing(query)) return { total: 0, rows: [] };
      return readPage(rowQueryClauses(query, SQLITE_DIALECT), query.offset, query.limit);
    },
    // Keeping nine indexes up to date row by row is three quarters of a rebuild: the table is
    // filled without them and they are built once at the end (also when the rebuild fails).
    async rebuilding(work) {
      db.exec(dropListIndexesSql(list));
      try {
        return await work();
      } finally {
        db.exec(listIndexesSql(list, true));
      }
    },
  };
}
