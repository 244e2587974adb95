// The same service in plain JavaScript (CommonJS), type-checked by tsc with checkJs.
const { createInMemoryEventStore, verifyStream } = require('@cartes-badges/eventsourcing');
const {
  createDossierService,
  createFixtureDirectories,
  dossierStatusLabel,
  dossierStoreOptions,
  dossierStreamId,
  FIXTURE_ESTABLISHMENTS,
  FIXTURE_PROVIDERS,
  FIXTURE_USERS,
  fixedClock,
  formatEuros,
  samplePdf,
  totalAmountCents,
} = require('@cartes-badges/domain');
const { createSqliteEventStore } = require('@cartes-badges/sqlite');

/**
 * Creates a draft, fills it, attaches its documents and transmits it; prints the dossier.
 * @param {string} storeName
 * @param {import('@cartes-badges/eventsourcing').EventStore} store
 */
async function transmitADossier(storeName, store) {
  const { establishmentDirectory, providerDirectory, attachments, blobStore } = createFixtureDirectories();
  const service = createDossierService({
    store,
    establishments: establishmentDirectory,
    providers: providerDirectory,
    attachments,
    blobStore,
    clock: fixedClock('2026-01-15T09:30:00.000Z'),
  });
  /** @param {object} command */
  const run = async (command) => {
    const result = await service.execute(command);
    if (result._tag === 'Left') throw new Error(`${result.left.code}: ${result.left.message}`);
    return result.right;
  };
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
  const { state } = await run(on('TransmitDossier', 'transmit-1'));
  const chain = await verifyStream(store, dossierStreamId(dossierId));
  console.log(
    [
      storeName,
      state.dossierNumber,
      dossierStatusLabel(state),
      state.cardType?.label,
      formatEuros(totalAmountCents(state.costLines)),
      chain.ok ? 'chain ok' : 'chain broken',
    ].join(' | '),
  );
  await store.close();
}

async function main() {
  await transmitADossier('in-memory', createInMemoryEventStore(dossierStoreOptions));
  await transmitADossier('sqlite', createSqliteEventStore({ path: ':memory:', ...dossierStoreOptions }));
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
