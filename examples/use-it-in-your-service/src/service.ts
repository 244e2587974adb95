// What a backend team writes in its own service once it has installed the packages with npm.
// The packaging test runs this very file in a fresh npm project outside this repository.
import { createInMemoryEventStore, verifyStream, type EventStore } from '@cartes-badges/eventsourcing';
import {
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
  type ExecuteResult,
} from '@cartes-badges/domain';
import { createSqliteEventStore } from '@cartes-badges/sqlite';

/** Creates a draft, fills it, attaches its documents and transmits it; prints the dossier. */
async function transmitADossier(storeName: string, store: EventStore): Promise<void> {
  const { establishmentDirectory, providerDirectory, attachments, blobStore } = createFixtureDirectories();
  const service = createDossierService({
    store,
    establishments: establishmentDirectory,
    providers: providerDirectory,
    attachments,
    blobStore,
    clock: fixedClock('2026-01-15T09:30:00.000Z'),
  });
  const run = async (command: object): Promise<ExecuteResult> => {
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
  const on = (type: string, commandId: string, payload?: object) => ({
    type,
    commandId,
    actor,
    dossierId,
    payload,
  });
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

async function main(): Promise<void> {
  await transmitADossier('in-memory', createInMemoryEventStore(dossierStoreOptions));
  await transmitADossier('sqlite', createSqliteEventStore({ path: ':memory:', ...dossierStoreOptions }));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
