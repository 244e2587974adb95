import type { Migration } from './migrations';

/** Name under which the event tables' migrations are recorded in `schema_migrations`. */
export const EVENTS_COMPONENT = 'events';

/**
 * The event tables, one migration per released change. Never edit a released step: add one.
 *
 * - `global_position` is an INTEGER PRIMARY KEY AUTOINCREMENT: SQLite has one writer at a
 *   time, so positions are handed out in commit order and never reused, even after a delete.
 * - UNIQUE (stream_id, version) is the last line of defence against two writers appending the
 *   same version, and the index every stream read and every "last version" lookup walks.
 * - (type, global_position) serves readAll/subscribe filtered on event types.
 */
export const EVENTS_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'events table, stream and type indexes',
    up: (db) =>
      db.exec(`
        CREATE TABLE events (
          global_position INTEGER PRIMARY KEY AUTOINCREMENT,
          stream_id       TEXT    NOT NULL,
          version         INTEGER NOT NULL CHECK (version >= 0),
          event_id        TEXT    NOT NULL,
          type            TEXT    NOT NULL,
          data            TEXT    NOT NULL,
          metadata        TEXT    NOT NULL,
          recorded_at     TEXT    NOT NULL,
          UNIQUE (stream_id, version)
        );
        CREATE INDEX events_by_type ON events (type, global_position);
      `),
  },
];
