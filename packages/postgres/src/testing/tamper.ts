import type { EventStore } from '@cartes-badges/eventsourcing';
import type { StoreTamperer } from '@cartes-badges/eventsourcing/testing';
import { changedMetadata } from '@cartes-badges/eventsourcing/testing';
import type { PostgresEventStore } from '../postgres-store';
import { quoteIdent } from '../schema-name';

/** Test-only: edits a PostgreSQL store's table directly, as a forger with SQL access would. */
export function tamperWithPostgresStore(eventStore: EventStore): StoreTamperer {
  const store = eventStore as PostgresEventStore;
  const events = `${quoteIdent(store.schema)}.events`;
  const expectRows = (count: number | null, wanted: number, what: string): void => {
    if (count !== wanted) throw new Error(`Tampering: ${what} touched ${count ?? 0} rows, not ${wanted}`);
  };
  return {
    async alterEvent(streamId, version, newData) {
      const result = await store.pool.query(
        `UPDATE ${events} SET data = $3::json WHERE stream_id = $1 AND version = $2`,
        [streamId, version, JSON.stringify(newData)],
      );
      expectRows(result.rowCount, 1, `altering ${streamId}@${version}`);
    },
    async rewriteEvent(streamId, version, change) {
      const found = await store.pool.query<{ metadata: object }>(
        `SELECT metadata FROM ${events} WHERE stream_id = $1 AND version = $2`,
        [streamId, version],
      );
      expectRows(found.rowCount, 1, `reading ${streamId}@${version}`);
      const result = await store.pool.query(
        `UPDATE ${events}
         SET type = COALESCE($3, type), data = COALESCE($4::json, data), event_id = COALESCE($5::uuid, event_id),
             recorded_at = COALESCE($6::timestamptz, recorded_at), metadata = $7::json
         WHERE stream_id = $1 AND version = $2`,
        [
          streamId,
          version,
          change.type ?? null,
          change.data !== undefined ? JSON.stringify(change.data) : null,
          change.eventId ?? null,
          change.recordedAt ?? null,
          JSON.stringify(changedMetadata(found.rows[0].metadata, change.metadata)),
        ],
      );
      expectRows(result.rowCount, 1, `rewriting ${streamId}@${version}`);
    },
    async removeEvent(streamId, version) {
      const result = await store.pool.query(`DELETE FROM ${events} WHERE stream_id = $1 AND version = $2`, [
        streamId,
        version,
      ]);
      expectRows(result.rowCount, 1, `removing ${streamId}@${version}`);
    },
    async swapEvents(streamId, version1, version2) {
      // Exchanges the contents of the two rows: each version now holds the other's event.
      const result = await store.pool.query(
        `UPDATE ${events} AS target
         SET event_id = source.event_id, type = source.type, data = source.data,
             metadata = source.metadata, recorded_at = source.recorded_at
         FROM ${events} AS source
         WHERE target.stream_id = $1 AND source.stream_id = $1
           AND ((target.version = $2 AND source.version = $3) OR (target.version = $3 AND source.version = $2))`,
        [streamId, version1, version2],
      );
      expectRows(result.rowCount, 2, `swapping ${streamId}@${version1} and @${version2}`);
    },
    async appendRaw(streamId, batch) {
      for (const event of batch) {
        const result = await store.pool.query(
          `INSERT INTO ${events} (stream_id, version, event_id, type, data, metadata, recorded_at)
           VALUES ($1, $2, $3::uuid, $4, $5::json, $6::json, $7::timestamptz)`,
          [
            streamId,
            event.version,
            event.eventId,
            event.type,
            JSON.stringify(event.data),
            JSON.stringify(event.metadata),
            event.recordedAt,
          ],
        );
        expectRows(result.rowCount, 1, `inserting ${streamId}@${event.version}`);
      }
    },
  };
}
