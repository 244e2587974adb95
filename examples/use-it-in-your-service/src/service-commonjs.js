// The same service in plain JavaScript (CommonJS), type-checked by tsc with checkJs.
const { mkdtempSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const {
  createDirectoryBlobStore,
  createInMemoryEventStore,
  verifyStream,
} = require('@cartes-badges/eventsourcing');
const {
  dossierStoreOptions,
  dossierStreamId,
  fixedClock,
  verifyDocuments,
} = require('@cartes-badges/domain');
const {
  createFixtureDirectories,
  FIXTURE_ESTABLISHMENTS,
  FIXTURE_PROVIDERS,
  FIXTURE_USERS,
  samplePdf,
} = require('@cartes-badges/domain/fixtures');
const { createDossierApplication } = require('@cartes-badges/lists');
const { createSqliteEventStore } = require('@cartes-badges/sqlite');

// Where refused pré-saisies would be e-mailed to their provider (none is refused here).
/** @type {import('@cartes-badges/domain').Notifier} */
const notifier = { send: async (notification) => console.log(`notify ${notification.recipient.siren}`) };

/**
 * Creates a draft, fills it, attaches its documents, transmits it, then prints the Dossiers list.
 * @param {string} storeName
 * @param {import('@cartes-badges/eventsourcing').EventStore} store
 * @param {import('@cartes-badges/eventsourcing').BlobStore} blobStore
 */
async function transmitADossier(storeName, store, blobStore) {
  const { establishmentDirectory, providerDirectory, attachments } = createFixtureDirectories();
  const app = createDossierApplication({
    store,
    establishments: establishmentDirectory,
    providers: providerDirectory,
    attachments,
    blobStore,
    notifier,
    clock: fixedClock('2026-01-15T09:30:00.000Z'),
  });
  app.start(); // the lists follow the store
  /** @param {object} command */
  const run = async (command) => {
    const result = await app.service.execute(command);
    if (result._tag === 'Left') throw new Error(`${result.left.code}: ${result.left.message}`);
    return result.right;
  };
  /** @type {import('@cartes-badges/domain').DossierActor} */
  const actor = { role: 'adherent', userId: FIXTURE_USERS.claire.id };
  const siret = FIXTURE_ESTABLISHMENTS.interimServicesClichy.siret;
  const created = await run({
    type: 'CreateDraft',
    commandId: 'create-1',
    actor,
    payload: { siret, cardType: 'CHRONO' },
  });
  const dossierId = created.dossierId;
  /** @type {(type: string, commandId: string, payload?: object) => object} */
  const on = (type, commandId, payload) => ({ type, commandId, actor, dossierId, payload });
  await run(
    on('SaveDraft', 'save-1', {
      contactEmail: 'claire.martin@interim-services.fr',
      providerSearch: FIXTURE_PROVIDERS.chronoLyon.siret,
      costLines: [{ nature: 'Achat Matériel', unitAmountCents: 5250, quantity: 3 }],
      attestations: { honour: true, generalConditions: true, supportingDocuments: true },
    }),
  );
  for (const documentType of ['Copie facture prestataire', 'Facture entreprise']) {
    await run(
      on('AttachDocument', `attach-${documentType}`, {
        documentType,
        fileName: 'facture.pdf',
        content: samplePdf(),
      }),
    );
  }
  await run(on('TransmitDossier', 'transmit-1'));

  await app.whenIdle(); // the lists have seen every event stored so far
  const page = await app.dossiers.list({ actor });
  if (page._tag === 'Left') throw new Error(page.left.message);
  const chain = await verifyStream(store, dossierStreamId(dossierId));
  const files = await verifyDocuments(store, blobStore); // each file is the one its event records
  console.log(
    `${storeName}: ${page.right.total} dossier(s), hash chain ${chain.ok ? 'ok' : 'broken'}, ${files.documentsChecked} file(s) ${files.ok ? 'intact' : 'missing or altered'}`,
  );
  for (const row of page.right.rows) {
    console.log(
      [row.number, row.cardType.label, row.company.name, row.state, row.totalHt.formatted].join(' | '),
    );
  }
  await app.stop();
  await store.close();
}

async function main() {
  const { blobStore } = createFixtureDirectories(); // files in memory: gone with the process
  await transmitADossier('in-memory', createInMemoryEventStore(dossierStoreOptions), blobStore);
  // What a service keeps: the events in a SQLite file, the attached files in a folder beside it.
  const file = join(mkdtempSync(join(tmpdir(), 'cartes-badges-')), 'events.db');
  const store = createSqliteEventStore({ path: file, ...dossierStoreOptions });
  await transmitADossier('sqlite', store, createDirectoryBlobStore(`${file}.blobs`));
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
