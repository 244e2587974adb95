import * as path from 'node:path';
import type { BlobStore } from '@cartes-badges/eventsourcing';
import { createDirectoryBlobStore, createInMemoryBlobStore } from '@cartes-badges/eventsourcing';
import type { PostgresEventStore } from '@cartes-badges/postgres';
import { messageOf, storeUnavailable } from '../errors';
import type { OpenedStore, StoreMode } from './open-store';
import type { StoreSpec } from './store-spec';

/** An open blob store, with where it is (for messages). */
export interface OpenedBlobStore {
  readonly blobs: BlobStore;
  readonly label: string;
}

/** Where the files of a SQLite events file go: a folder beside it, named after it. */
export const blobFolderOf = (eventsFile: string): string => `${path.resolve(eventsFile)}.blobs`;

/**
 * The blob store that goes with the event store: on SQLite a folder beside the events file
 * (`events.db.blobs/`), on PostgreSQL tables in the store's schema; in memory for `memory:`
 * and EventStoreDB (which has no place for files: give such a deployment a folder of its own).
 * A read command never creates one: a missing folder or table is an empty store.
 */
export async function openBlobStore(
  spec: StoreSpec,
  mode: StoreMode,
  opened: OpenedStore,
): Promise<OpenedBlobStore> {
  switch (spec.kind) {
    case 'sqlite': {
      // A folder that does not exist holds no file: the store creates it at its first put only.
      const folder = blobFolderOf(spec.path);
      return { blobs: createDirectoryBlobStore(folder), label: folder };
    }
    case 'postgres': {
      const { createPostgresBlobStore } = await import('@cartes-badges/postgres');
      const { pool, schema } = opened.store as PostgresEventStore;
      if (mode === 'read') {
        const found = await pool.query<{ found: string | null }>('SELECT to_regclass($1) AS found', [
          `"${schema}".blobs`,
        ]);
        if (found.rows[0].found === null)
          return { blobs: createInMemoryBlobStore(), label: `${opened.label} (aucun fichier)` };
      }
      try {
        return {
          blobs: await createPostgresBlobStore({ pool, schema }),
          label: `${opened.label}, table blobs`,
        };
      } catch (error) {
        throw storeUnavailable(`Impossible d'ouvrir les fichiers dans ${opened.label} : ${messageOf(error)}`);
      }
    }
    case 'memory':
    case 'esdb':
      return { blobs: createInMemoryBlobStore(), label: 'mémoire (non conservés)' };
  }
}

/** Opens the blob store that goes with `opened`, runs `work`, and closes it. */
export async function withBlobStore<T>(
  opened: OpenedStore,
  mode: StoreMode,
  work: (files: OpenedBlobStore) => Promise<T>,
): Promise<T> {
  const files = await openBlobStore(opened.spec, mode, opened);
  try {
    return await work(files);
  } finally {
    await files.blobs.close();
  }
}
