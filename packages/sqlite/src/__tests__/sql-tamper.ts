import type { EventStore, JsonValue } from '@cartes-badges/eventsourcing';
import type { StoreTamperer } from '@cartes-badges/eventsourcing/testing';
import { changedMetadata } from '@cartes-badges/eventsourcing/testing';
import type { SqliteEventStore } from '../sqlite-store';

/**
 * Test-only: plays the forger on a SQLite store with plain SQL on its file, as someone with
 * the file and the sqlite3 shell could. Rows are changed in place; metadata (and hashes) stay.
 */
export function tamperWithSqliteStore(store: EventStore): StoreTamperer {
  const db = (store as SqliteEventStore).database;
  const expectOne = (changes: number, what: string): void => {
    if (changes !== 1) throw new Error(`No event ${what} to tamper with`);
  };
  return {
    alterEvent(streamId: string, version: number, newData: JsonValue) {
      const { changes } = db
        .prepare('UPDATE events SET data = ? WHERE stream_id = ? AND version = ?')
        .run(JSON.stringify(newData), streamId, version);
      expectOne(changes, `${streamId}@${version}`);
    },
    rewriteEvent(streamId, version, change) {
      const row = db
        .prepare<
          [string, number],
          { type: string; data: string; event_id: string; recorded_at: string; metadata: string }
        >('SELECT type, data, event_id, recorded_at, metadata FROM events WHERE stream_id = ? AND version = ?')
        .get(streamId, version);
      if (!row) throw new Error(`No event ${streamId}@${version} to tamper with`);
      const { changes } = db
        .prepare(
          'UPDATE events SET type = ?, data = ?, event_id = ?, recorded_at = ?, metadata = ? WHERE stream_id = ? AND version = ?',
        )
        .run(
          change.type ?? row.type,
          change.data !== undefined ? JSON.stringify(change.data) : row.data,
          change.eventId ?? row.event_id,
          change.recordedAt ?? row.recorded_at,
          JSON.stringify(changedMetadata(JSON.parse(row.metadata) as object, change.metadata)),
          streamId,
          version,
        );
      expectOne(changes, `${streamId}@${version}`);
    },
    removeEvent(streamId: string, version: number) {
      const { changes } = db
        .prepare('DELETE FROM events WHERE stream_id = ? AND version = ?')
        .run(streamId, version);
      expectOne(changes, `${streamId}@${version}`);
    },
    swapEvents(streamId: string, version1: number, version2: number) {
      // Exchange the two rows' places in the stream through a free version number, so the
      // UNIQUE (stream_id, version) index holds at every step.
      db.transaction(() => {
        const parking = db
          .prepare<[string], { v: number }>('SELECT MAX(version) + 1 AS v FROM events WHERE stream_id = ?')
          .get(streamId) as { v: number };
        const move = db.prepare('UPDATE events SET version = ? WHERE stream_id = ? AND version = ?');
        expectOne(move.run(parking.v, streamId, version1).changes, `${streamId}@${version1}`);
        expectOne(move.run(version1, streamId, version2).changes, `${streamId}@${version2}`);
        move.run(version2, streamId, parking.v);
      })();
    },
    appendRaw(streamId, events) {
      const insert = db.prepare(
        'INSERT INTO events (stream_id, version, event_id, type, data, metadata, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      );
      for (const event of events)
        insert.run(
          streamId,
          event.version,
          event.eventId,
          event.type,
          JSON.stringify(event.data),
          JSON.stringify(event.metadata),
          event.recordedAt,
        );
    },
  };
}
