import type { BlobStore, EventStore } from '@cartes-badges/eventsourcing';
import type { ListReadModel } from '@cartes-badges/domain';
import { listReadModelFor, openBlobStore, openStore, parseStoreSpec } from '@cartes-badges/cli';

/** What the portal runs on, opened as the CLI opens it. */
export interface PortalStores {
  readonly store: EventStore;
  readonly blobStore: BlobStore;
  readonly readModels: { readonly brouillons: ListReadModel; readonly dossiers: ListReadModel };
  /** Where it is, for the start-up line (password masked). */
  readonly label: string;
  close(): Promise<void>;
}

/**
 * The store named as the CLI names it (`--store` or CARTES_BADGES_STORE; default the embedded
 * SQLite file `./data/events.db`), created when missing, with each dossier's personal data
 * sealed under its key; the files beside it (a folder next to a SQLite file, tables in the
 * PostgreSQL schema) and the lists durable next to the events on SQLite (in memory elsewhere).
 */
export async function openPortalStores(storeUrl: string): Promise<PortalStores> {
  const opened = await openStore(parseStoreSpec(storeUrl), 'write');
  const files = await openBlobStore(opened.spec, 'write', opened);
  return {
    store: opened.store,
    blobStore: files.blobs,
    readModels: {
      brouillons: listReadModelFor(opened, 'brouillons').model,
      dossiers: listReadModelFor(opened, 'dossiers').model,
    },
    label: `${opened.label} (fichiers : ${files.label})`,
    async close() {
      await files.blobs.close();
      await opened.close();
    },
  };
}
