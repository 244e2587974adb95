import { readAllInPages, type EventStore, type RecordedEvent } from '@cartes-badges/eventsourcing';
import type { DossierEvent } from '../workloads/dossier';
import type { DurableLocation, DurableStore } from './durable';

/** Our SQLite or PostgreSQL store (each with its defaults), opened on a scratch database. */
export async function openOursDurable(location: DurableLocation): Promise<DurableStore> {
  const store: EventStore =
    location.backend === 'sqlite'
      ? (await import('@cartes-badges/sqlite')).createSqliteEventStore({ path: location.path })
      : await (
          await import('@cartes-badges/postgres')
        ).createPostgresEventStore({ connectionString: location.connectionString });
  return {
    async append(streamId, events, eventsInStream) {
      await store.appendToStream(streamId, events, {
        expectedVersion: eventsInStream === 0 ? 'no_stream' : eventsInStream - 1,
      });
    },
    async readAll(visit) {
      for await (const page of readAllInPages(store)) {
        for (const event of page) visit(event as RecordedEvent<DossierEvent>);
      }
    },
    close: () => store.close(),
  };
}
