import type { EventStore, ReactorLedger } from '@cartes-badges/eventsourcing';
import { createInMemoryEventStore } from '@cartes-badges/eventsourcing';
import * as E from 'fp-ts/Either';
import type {
  Clock,
  DossierActor,
  ExecuteResult,
  ListPage,
  ListParams,
  ListQueries,
  ListReadModel,
  Notifier,
  Siren,
  Siret,
} from '@cartes-badges/domain';
import type { DossierApplication } from '../read-side/create-dossier-application';
import { createRecordingNotifier, dossierStoreOptions, steppingClock } from '@cartes-badges/domain';
import {
  createFixtureDirectories,
  FIXTURE_ESTABLISHMENTS,
  FIXTURE_PROVIDERS,
  FIXTURE_USERS,
} from '@cartes-badges/domain/fixtures';
import { createDossierApplication } from '../read-side/create-dossier-application';
import { pdfBytes } from '@cartes-badges/domain/testing';

/** The fixture users as list and command actors. */
export const LIST_ACTORS = {
  claire: { role: 'adherent', userId: FIXTURE_USERS.claire.id },
  marc: { role: 'adherent', userId: FIXTURE_USERS.marc.id },
  sophie: { role: 'adherent', userId: FIXTURE_USERS.sophie.id },
  julien: {
    role: 'prestataire',
    userId: FIXTURE_USERS.julien.id,
    siren: FIXTURE_PROVIDERS.chronoLyon.siren as Siren,
    siret: FIXTURE_PROVIDERS.chronoLyon.siret as Siret,
  },
  amina: {
    role: 'prestataire',
    userId: FIXTURE_USERS.amina.id,
    siren: FIXTURE_PROVIDERS.btpNanterre.siren as Siren,
    siret: FIXTURE_PROVIDERS.btpNanterre.siret as Siret,
  },
  nathalie: { role: 'gestionnaire', userId: FIXTURE_USERS.nathalie.id },
} as const satisfies Record<string, DossierActor>;

const REQUIRED_DOCUMENTS: Record<string, readonly string[]> = {
  CHRONO: ['Copie facture prestataire', 'Facture entreprise'],
  BTP: ['Facture prestataire', 'Liste des salariés bénéficiaires'],
};

let sequence = 0;

/** An application over the fixtures (in-memory store, recording notifier), with command helpers. */
export function createListsTestApplication(
  options: {
    store?: EventStore;
    notifier?: Notifier;
    ledger?: ReactorLedger;
    clock?: Clock;
    readModels?: { brouillons?: ListReadModel; dossiers?: ListReadModel };
  } = {},
) {
  const directories = createFixtureDirectories();
  const store = options.store ?? createInMemoryEventStore(dossierStoreOptions);
  const notifier = options.notifier ?? createRecordingNotifier();
  const app: DossierApplication = createDossierApplication({
    store,
    establishments: directories.establishmentDirectory,
    providers: directories.providerDirectory,
    attachments: directories.attachments,
    blobStore: directories.blobStore,
    clock: options.clock ?? steppingClock('2025-12-01T08:00:00Z', 60_000),
    notifier,
    notificationRetry: { initialDelayMs: 1, maxAttempts: 3 },
    runner: { restartDelayMs: 5, maxRestartDelayMs: 20 },
    ...(options.ledger ? { notificationsLedger: options.ledger } : {}),
    ...(options.readModels ? { readModels: options.readModels } : {}),
  });

  async function run(command: Record<string, unknown>): Promise<ExecuteResult> {
    sequence += 1;
    const result = await app.service.execute({ commandId: `cmd-${sequence}`, ...command });
    if (E.isLeft(result)) throw new Error(`${String(command.type)} refused: ${JSON.stringify(result.left)}`);
    return result.right;
  }
  const on = (type: string, actor: DossierActor, dossierId: string, payload?: unknown) =>
    run({ type, actor, dossierId, ...(payload !== undefined ? { payload } : {}) });

  return {
    app,
    store,
    notifier,
    run,
    on,
    async createDraft(
      actor: DossierActor = LIST_ACTORS.claire,
      siret: string = FIXTURE_ESTABLISHMENTS.interimServicesClichy.siret,
      cardType = 'CHRONO',
    ) {
      return (await run({ type: 'CreateDraft', actor, payload: { siret, cardType } })).dossierId;
    },
    async submitPresaisie(
      provider: DossierActor = LIST_ACTORS.julien,
      siret: string = FIXTURE_ESTABLISHMENTS.interimServicesClichy.siret,
      cardType = 'CHRONO',
    ) {
      return (
        await run({
          type: 'SubmitPresaisie',
          actor: provider,
          payload: {
            siret,
            cardType,
            costLines: [{ nature: 'Achat Matériel', unitAmountCents: 5250, quantity: 10 }],
          },
        })
      ).dossierId;
    },
    /** Completes every tab of a draft, then transmits it. */
    async completeAndTransmit(
      dossierId: string,
      actor: DossierActor = LIST_ACTORS.claire,
      cardType = 'CHRONO',
    ) {
      await on('SaveDraft', actor, dossierId, {
        contactEmail: 'rh@interim-services.fr',
        providerSearch: FIXTURE_PROVIDERS.chronoLyon.siret,
        costLines: [{ nature: 'Achat Matériel', unitAmountCents: 5250, quantity: 4 }],
        attestations: { honour: true, generalConditions: true, supportingDocuments: true },
      });
      for (const documentType of REQUIRED_DOCUMENTS[cardType]) {
        await on('AttachDocument', actor, dossierId, {
          documentType,
          fileName: 'piece.pdf',
          content: pdfBytes(documentType),
        });
      }
      return on('TransmitDossier', actor, dossierId);
    },
    /** A list page, failing the test on a refusal; waits for the read side first. */
    async page(list: ListQueries, params: ListParams): Promise<ListPage> {
      await app.whenIdle();
      const result = await list.list(params);
      if (E.isLeft(result)) throw new Error(`list refused: ${JSON.stringify(result.left)}`);
      return result.right;
    },
  };
}
/** The test application and its helpers. */
export type ListsTestApplication = ReturnType<typeof createListsTestApplication>;
