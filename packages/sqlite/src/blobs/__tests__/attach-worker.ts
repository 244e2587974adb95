// A process that attaches one invoice to a draft and, on request, dies (SIGKILL, no cleanup)
// right after the file is stored or half-way through storing it: the crash tests' victim.
// Usage: attach-worker <dir> <directory|sqlite> <after-put|during-put|never>
import * as path from 'node:path';
import type { BlobContent, BlobStore } from '@cartes-badges/eventsourcing';
import { createDirectoryBlobStore } from '@cartes-badges/eventsourcing';
import { createDossierService, dossierStoreOptions } from '@cartes-badges/domain';
import {
  createFixtureDirectories,
  FIXTURE_ESTABLISHMENTS,
  FIXTURE_USERS,
} from '@cartes-badges/domain/fixtures';
import { createSqliteEventStore } from '../../sqlite-store';
import { createSqliteBlobStore } from '../sqlite-blob-store';
import { bigInvoice } from './big-invoice';

const [dir, kind, killAt] = process.argv.slice(2);

const die = (): Promise<never> => {
  process.kill(process.pid, 'SIGKILL');
  return new Promise<never>(() => undefined);
};

async function* halfThenDie(content: BlobContent): AsyncGenerator<Uint8Array> {
  const bytes = content as Uint8Array;
  yield bytes.subarray(0, bytes.byteLength / 2);
  await die();
}

function dying(inner: BlobStore): BlobStore {
  return {
    ...inner,
    async put(content) {
      if (killAt === 'during-put') return inner.put(halfThenDie(content));
      const stored = await inner.put(content);
      if (killAt === 'after-put') await die();
      return stored;
    },
  };
}

async function main(): Promise<void> {
  const file = path.join(dir, 'events.db');
  const store = createSqliteEventStore({ path: file, ...dossierStoreOptions });
  const blobs =
    kind === 'sqlite' ? createSqliteBlobStore({ path: file }) : createDirectoryBlobStore(`${file}.blobs`);
  const fixtures = createFixtureDirectories();
  const service = createDossierService({
    store,
    establishments: fixtures.establishmentDirectory,
    providers: fixtures.providerDirectory,
    attachments: fixtures.attachments,
    blobStore: dying(blobs),
  });
  const actor = { role: 'adherent', userId: FIXTURE_USERS.claire.id };
  const created = await service.execute({
    type: 'CreateDraft',
    commandId: 'crash-create',
    actor,
    payload: { siret: FIXTURE_ESTABLISHMENTS.interimServicesClichy.siret, cardType: 'CHRONO' },
  });
  if (created._tag === 'Left') throw new Error(created.left.message);
  const attached = await service.execute({
    type: 'AttachDocument',
    commandId: 'crash-attach',
    actor,
    dossierId: created.right.dossierId,
    payload: { documentType: 'Facture entreprise', fileName: 'facture.pdf', content: bigInvoice() },
  });
  if (attached._tag === 'Left') throw new Error(attached.left.message);
  await blobs.close();
  await store.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
