// A provider's pré-saisie, end to end (guide, "Reprise d'un brouillon"): the provider pre-fills
// a request for an employer; the employer finds it in its drafts, read-only, accepts it,
// completes it and transmits it. A second pré-saisie is refused: its provider is notified,
// once, even when the application restarts.
import { createInMemoryEventStore, createInMemoryReactorLedger } from '@cartes-badges/eventsourcing';
import type { DossierActor, ListQueries, ProviderNotification } from '@cartes-badges/domain';
import {
  createRecordingNotifier,
  dossierStoreOptions,
  steppingClock,
  uuidIdGenerator,
} from '@cartes-badges/domain';
import {
  createFixtureDirectories,
  FIXTURE_ESTABLISHMENTS as E,
  FIXTURE_PROVIDERS as P,
  FIXTURE_USERS as U,
  samplePdf,
} from '@cartes-badges/domain/fixtures';
import { createDossierApplication } from '@cartes-badges/lists';
import * as Either from 'fp-ts/Either';

/** Where the story ends (checked by the test). */
export interface PresaisieOutcome {
  readonly dossierNumber: string | null;
  readonly refusedDraftNumber: number | null;
  readonly notifications: readonly ProviderNotification[];
  readonly readOnlyCode: string | null;
}

const julien: DossierActor = {
  role: 'prestataire',
  userId: U.julien.id,
  siren: P.chronoLyon.siren,
  siret: P.chronoLyon.siret,
};
const amina: DossierActor = {
  role: 'prestataire',
  userId: U.amina.id,
  siren: P.btpNanterre.siren,
  siret: P.btpNanterre.siret,
};
const claire: DossierActor = { role: 'adherent', userId: U.claire.id };
const marc: DossierActor = { role: 'adherent', userId: U.marc.id };

/** Runs the story, writing what each person sees to `log`. */
export async function runPresaisie(log: (line: string) => void): Promise<PresaisieOutcome> {
  const store = createInMemoryEventStore(dossierStoreOptions);
  const directories = createFixtureDirectories();
  const notifier = createRecordingNotifier();
  const ports = {
    store,
    establishments: directories.establishmentDirectory,
    providers: directories.providerDirectory,
    attachments: directories.attachments,
    blobStore: directories.blobStore,
    clock: steppingClock('2025-12-01T09:00:00Z', 15 * 60_000),
    ids: uuidIdGenerator,
    notifier,
    // The reactor's checkpoint and sent keys outlive a restart (a table in a real deployment).
    notificationsLedger: createInMemoryReactorLedger(),
  };
  let app = createDossierApplication(ports);
  app.start();
  let n = 0;
  const send = async (actor: DossierActor, type: string, rest: Record<string, unknown>) => {
    const result = await app.service.execute({ type, commandId: `presaisie-${++n}`, actor, ...rest });
    await app.whenIdle();
    return result;
  };
  const must = async (actor: DossierActor, type: string, rest: Record<string, unknown>) => {
    const result = await send(actor, type, rest);
    if (Either.isLeft(result)) throw new Error(`${type} refused: ${result.left.message}`);
    return result.right;
  };
  const showList = async (who: string, list: ListQueries, actor: DossierActor) => {
    const page = await list.list({ actor });
    if (Either.isLeft(page)) throw new Error(page.left.message);
    log(`  ${list.name} de ${who} : ${page.right.total} résultat(s)`);
    for (const row of page.right.rows)
      log(
        `    ${row.number}  ${row.cardType.label}  ${row.company.name}  ${row.state}  [${row.actions.join(', ')}]`,
      );
  };

  log('1. Julien (Chronotachy Services) pré-saisit 6 cartes chronotachygraphe pour l’agence de Clichy');
  const submitted = await must(julien, 'SubmitPresaisie', {
    payload: {
      siret: E.interimServicesClichy.siret,
      cardType: 'CHRONO',
      contactEmail: 'claire.martin@interim-services.fr',
      costLines: [{ nature: 'Achat Matériel', unitAmountCents: 5250, quantity: 6 }],
      comment: 'Renouvellement des cartes de 6 conducteurs.',
    },
  });
  const dossierId = submitted.dossierId;
  await showList('Claire', app.brouillons, claire);

  log('2. Claire la consulte (onglet Introduction) : en lecture seule tant qu’elle ne l’a pas acceptée');
  const tabs = await app.service.tabs(dossierId, claire);
  if (Either.isRight(tabs))
    for (const tab of tabs.right.tabs)
      log(
        `  ${tab.tab} : ${tab.status === 'valid' ? 'onglet validé' : tab.messages.map((m) => m.message).join(' ; ')}`,
      );
  const readOnly = await send(claire, 'ChangeComment', { dossierId, payload: { comment: 'Je modifie' } });
  const readOnlyCode = Either.isLeft(readOnly) ? readOnly.left.code : null;
  if (Either.isLeft(readOnly))
    log(`  modification refusée : ${readOnly.left.code} — ${readOnly.left.message}`);

  log('3. Claire accepte la pré-saisie, la complète, joint les justificatifs et la transmet');
  await must(claire, 'AcceptPresaisie', { dossierId });
  await must(claire, 'SaveDraft', {
    dossierId,
    payload: { attestations: { honour: true, generalConditions: true, supportingDocuments: true } },
  });
  for (const documentType of ['Copie facture prestataire', 'Facture entreprise']) {
    await must(claire, 'AttachDocument', {
      dossierId,
      payload: { documentType, fileName: `${documentType}.pdf`, content: samplePdf(documentType) },
    });
  }
  const transmitted = await must(claire, 'TransmitDossier', { dossierId });
  log(`  transmis : dossier n° ${transmitted.state.dossierNumber}`);
  await showList('Claire', app.dossiers, claire);

  log(
    '4. Amina (Formations Chantier Sécurité) pré-saisit des cartes BTP pour l’agence de Lyon ; Marc la refuse',
  );
  const second = await must(amina, 'SubmitPresaisie', {
    payload: {
      siret: E.batimentInterimLyon.siret,
      cardType: 'BTP',
      costLines: [{ nature: 'Achat Matériel', unitAmountCents: 980, quantity: 25 }],
    },
  });
  await must(marc, 'RefusePresaisie', {
    dossierId: second.dossierId,
    payload: { reason: 'Cartes déjà commandées' },
  });
  await showList('Marc', app.brouillons, marc);
  await showList('Amina', app.brouillons, amina);
  for (const sent of notifier.sent())
    log(
      `  notification à ${sent.recipient.name ?? sent.recipient.siren} : ${sent.subject}\n    ${sent.message}`,
    );

  log('5. L’application redémarre : la notification n’est pas envoyée une deuxième fois (R-34)');
  const callsBefore = notifier.calls();
  await app.stop();
  app = createDossierApplication(ports);
  app.start();
  await app.whenIdle();
  log(
    `  notifications remises : ${notifier.sent().length} ; appels au notifier après le redémarrage : ${notifier.calls() - callsBefore}`,
  );
  await app.stop();

  return {
    dossierNumber: transmitted.state.dossierNumber,
    refusedDraftNumber: second.state.draftNumber,
    notifications: notifier.sent(),
    readOnlyCode,
  };
}

if (require.main === module) {
  runPresaisie((line) => console.log(line)).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
