import type { ListName, ListReadModel } from '@cartes-badges/domain';
import { createInMemoryListReadModel } from '@cartes-badges/lists';
import type { SqliteEventStore } from '@cartes-badges/sqlite';
import { createSqliteListReadModel } from '@cartes-badges/sqlite/lists';
import type { OpenedStore } from '../store/open-store';

/**
 * Where a list's rows live for this store: on SQLite, the durable read model in tables next to
 * the events (caught up from its checkpoint, so a list of a million events is not folded again
 * at each call); elsewhere, in memory, folded from the first event.
 */
export function listReadModelFor(
  opened: OpenedStore,
  name: ListName,
): { model: ListReadModel; durable: boolean } {
  if (opened.spec.kind === 'sqlite') {
    return {
      model: createSqliteListReadModel(opened.store as SqliteEventStore, { list: name }),
      durable: true,
    };
  }
  return { model: createInMemoryListReadModel(), durable: false };
}
