// The walk-through of the portal guide ("Cartes et badges — Saisie adhérent"), end to end on the
// in-memory store: an employer creates a draft and fills each tab, saves, transmits; a
// provider's pré-saisie is accepted, completed and transmitted; another one is refused; a
// case manager instructs the first dossier. Each step prints what the portal would show.
import type { EventStore } from '@cartes-badges/eventsourcing';
import { createInMemoryEventStore } from '@cartes-badges/eventsourcing';
import type { Attachments, DossierActor } from '@cartes-badges/domain';
import {
  createRecordingNotifier,
  createDossierService,
  documentsProgress,
  dossierStoreOptions,
  fixedClock,
  sequentialIdGenerator,
  synthesisOf,
} from '@cartes-badges/domain';
import {
  createFixtureDirectories,
  FIXTURE_ESTABLISHMENTS,
  FIXTURE_PROVIDERS,
  FIXTURE_USERS,
  samplePdf,
  samplePng,
} from '@cartes-badges/domain/fixtures';
import { createReadSide } from '@cartes-badges/lists';
import type { Log } from './flow-kit';
import { flowKit } from './flow-kit';

/** What the walk-through ends with (checked by its test). */
export interface FlowOutcome {
  readonly transmittedNumbers: readonly string[];
  readonly finalStatuses: Readonly<Record<string, string>>;
  readonly eventCount: number;
}

const marc: DossierActor = { role: 'adherent', userId: FIXTURE_USERS.marc.id };
const claire: DossierActor = { role: 'adherent', userId: FIXTURE_USERS.claire.id };
const julien: DossierActor = {
  role: 'prestataire',
  userId: FIXTURE_USERS.julien.id,
  siren: FIXTURE_PROVIDERS.chronoLyon.siren,
  siret: FIXTURE_PROVIDERS.chronoLyon.siret,
};
const nathalie: DossierActor = { role: 'gestionnaire', userId: FIXTURE_USERS.nathalie.id };

/** Runs the whole walk-through, writing each step to `log`. */
export async function runAdherentFlow(log: Log): Promise<FlowOutcome> {
  const store = createInMemoryEventStore(dossierStoreOptions);
  const directories = createFixtureDirectories();
  const service = createDossierService({
    store,
    establishments: directories.establishmentDirectory,
    providers: directories.providerDirectory,
    attachments: directories.attachments,
    blobStore: directories.blobStore,
    clock: fixedClock('2025-12-03T09:30:00Z'),
    ids: sequentialIdGenerator(7),
  });
  const { run, refused, showTabs, load, status } = flowKit(service, log);

  log('1. Créer un nouveau dossier (Marc, rattaché à deux entreprises)');
  const company = await service.creationChoices(marc.userId);
  log(
    `  choix : ${company.step === 'company' ? company.companies.map((c) => c.name).join(' / ') : company.step}`,
  );
  const establishment = await service.creationChoices(marc.userId, {
    siren: FIXTURE_ESTABLISHMENTS.batimentInterimLyon.siren,
  });
  if (establishment.step === 'establishment')
    log(`  établissements : ${establishment.establishments.map((e) => `${e.siret} (${e.city})`).join(', ')}`);
  const cardTypes = await service.creationChoices(marc.userId, {
    siret: FIXTURE_ESTABLISHMENTS.batimentInterimLyon.siret,
  });
  if (cardTypes.step === 'cardType')
    log(`  types de carte : ${cardTypes.cardTypes.map((c) => c.label).join(', ')}`);
  const created = await run('Créer un nouveau dossier', {
    type: 'CreateDraft',
    actor: marc,
    payload: { siret: FIXTURE_ESTABLISHMENTS.batimentInterimLyon.siret, cardType: 'CHRONO' },
  });
  const dossierId = created.dossierId;
  log(
    `  brouillon n° ${created.state.draftNumber}, état « ${status(created.state)} », employeur ${created.state.establishment?.name}`,
  );
  showTabs(created.state);

  log('2. Onglet Employeur : email de contact, puis Enregistrer');
  await refused('Email « amoa1.x »', {
    type: 'ChangeContactEmail',
    actor: marc,
    dossierId,
    payload: { email: 'amoa1.x' },
  });
  await run('Enregistrer', {
    type: 'SaveDraft',
    actor: marc,
    dossierId,
    payload: { contactEmail: FIXTURE_USERS.marc.email },
  });
  const early = await refused('Transmettre trop tôt', { type: 'TransmitDossier', actor: marc, dossierId });
  if (early.code === 'INVALID_INPUT')
    log(`    onglets invalides : ${early.invalidTabs.map((t) => t.tab).join(', ')}`);

  log('3. Onglet Prestation : prestataire (SIRENE), référence interne, coûts');
  await run('Enregistrer', {
    type: 'SaveDraft',
    actor: marc,
    dossierId,
    payload: {
      providerSearch: FIXTURE_PROVIDERS.chronoLyon.siren,
      internalReference: 'BC-2025-118',
      costLines: [{ nature: 'Achat Matériel', unitAmountCents: 100_000_000, quantity: 4 }],
    },
  });
  showTabs(await load(dossierId, marc));
  await run('Corriger le montant', {
    type: 'ChangeCostLines',
    actor: marc,
    dossierId,
    payload: { lines: [{ nature: 'Achat Matériel', unitAmountCents: 5250, quantity: 4 }] },
  });

  log('4. Onglet Synthèse : attestations, commentaire');
  const synthese = await run('Enregistrer', {
    type: 'SaveDraft',
    actor: marc,
    dossierId,
    payload: {
      attestations: { honour: true, generalConditions: true },
      comment: 'Cartes pour 4 nouveaux chauffeurs',
    },
  });
  const synthesis = synthesisOf(synthese.state);
  log(
    `  ${synthesis.cardType} — prestataire ${synthesis.provider?.name} — ${synthesis.cardCount} cartes à ${synthesis.unitCosts.join(', ')} — coût total ${synthesis.totalAmount}`,
  );

  log('5. Onglet Documents : attestation et pièces obligatoires');
  await run('Attester disposer des pièces', {
    type: 'GiveAttestation',
    actor: marc,
    dossierId,
    payload: { attestation: 'supportingDocuments' },
  });
  await refused('Joindre « facture.pdf » qui est une image PNG', {
    type: 'AttachDocument',
    actor: marc,
    dossierId,
    payload: { documentType: 'Facture entreprise', fileName: 'facture.pdf', content: samplePng() },
  });
  for (const documentType of ['Copie facture prestataire', 'Facture entreprise']) {
    const attached = await run(`Joindre ${documentType}`, {
      type: 'AttachDocument',
      actor: marc,
      dossierId,
      payload: { documentType, fileName: `${documentType}.pdf`, content: samplePdf(documentType) },
    });
    log(`    ${documentsProgress(attached.state).label}`);
  }

  log('6. Transmettre');
  const transmitted = await run('Transmettre', { type: 'TransmitDossier', actor: marc, dossierId });
  log(`  dossier n° ${transmitted.state.dossierNumber}, état « ${status(transmitted.state)} »`);

  log('7. Pré-saisie du prestataire, acceptée puis complétée par Claire');
  const presaisie = await run('Pré-saisie (prestataire)', {
    type: 'SubmitPresaisie',
    actor: julien,
    payload: {
      siret: FIXTURE_ESTABLISHMENTS.interimServicesClichy.siret,
      cardType: 'CHRONO',
      contactEmail: FIXTURE_USERS.claire.email,
      costLines: [{ nature: 'Achat Matériel', unitAmountCents: 5250, quantity: 3 }],
    },
  });
  const psId = presaisie.dossierId;
  log(`  brouillon n° ${presaisie.state.draftNumber}, état « ${status(presaisie.state)} »`);
  await refused('Claire modifie avant d’accepter', {
    type: 'ChangeComment',
    actor: claire,
    dossierId: psId,
    payload: { comment: 'x' },
  });
  await run('Accepter la pré-saisie', { type: 'AcceptPresaisie', actor: claire, dossierId: psId });
  await run('Compléter et enregistrer', {
    type: 'SaveDraft',
    actor: claire,
    dossierId: psId,
    payload: { attestations: { honour: true, generalConditions: true, supportingDocuments: true } },
  });
  for (const documentType of ['Copie facture prestataire', 'Facture entreprise']) {
    await run(`Joindre ${documentType}`, {
      type: 'AttachDocument',
      actor: claire,
      dossierId: psId,
      payload: {
        documentType,
        fileName: `${documentType}.pdf`,
        content: samplePdf(`${documentType} Clichy`),
      },
    });
  }
  const psTransmitted = await run('Transmettre', { type: 'TransmitDossier', actor: claire, dossierId: psId });
  log(`  dossier n° ${psTransmitted.state.dossierNumber}, état « ${status(psTransmitted.state)} »`);

  log('8. Une autre pré-saisie, refusée par Claire');
  const second = await run('Pré-saisie (prestataire)', {
    type: 'SubmitPresaisie',
    actor: julien,
    payload: { siret: FIXTURE_ESTABLISHMENTS.interimServicesClichy.siret, cardType: 'CHRONO', costLines: [] },
  });
  const refusedPs = await run('Refuser la pré-saisie', {
    type: 'RefusePresaisie',
    actor: claire,
    dossierId: second.dossierId,
    payload: { reason: 'Aucune commande en cours' },
  });
  log(
    `  état « ${status(refusedPs.state)} » ; le prestataire (SIREN ${FIXTURE_PROVIDERS.chronoLyon.siren}) est à notifier`,
  );

  log('9. Instruction par la gestionnaire');
  await run("Début d'instruction", { type: 'StartInstruction', actor: nathalie, dossierId });
  await run('Accord de prise en charge (200,00 €)', {
    type: 'GrantFunding',
    actor: nathalie,
    dossierId,
    payload: { amountGrantedCents: 20000 },
  });
  await run('Remboursement', {
    type: 'RecordReimbursement',
    actor: nathalie,
    dossierId,
    payload: { amountPaidCents: 20000 },
  });
  const closed = await run('Clôture', { type: 'CloseDossier', actor: nathalie, dossierId });

  let eventCount = 0;
  for await (const _event of store.readAll()) eventCount += 1;
  const finalStatuses = {
    [String(created.state.draftNumber)]: status(closed.state),
    [String(presaisie.state.draftNumber)]: status(psTransmitted.state),
    [String(second.state.draftNumber)]: status(refusedPs.state),
  };
  log(
    `Fin : ${eventCount} événements ; ${Object.entries(finalStatuses)
      .map(([n, s]) => `${n} ${s}`)
      .join(' ; ')}`,
  );
  await showLists(store, directories.attachments, log);
  return {
    transmittedNumbers: [transmitted.state.dossierNumber ?? '', psTransmitted.state.dossierNumber ?? ''],
    finalStatuses,
    eventCount,
  };
}

/** The read side over the same store: both lists as Marc, Claire and the provider see them, and the notification sent. */
async function showLists(store: EventStore, attachments: Attachments, log: Log): Promise<void> {
  const notifier = createRecordingNotifier();
  const readSide = createReadSide({ store, attachments, notifier });
  readSide.start();
  await readSide.whenIdle();
  await readSide.stop();
  for (const [who, actor] of [
    ['de Marc', marc],
    ['de Claire', claire],
    ['du prestataire', julien],
    ['de la gestionnaire', nathalie],
  ] as const) {
    for (const list of [readSide.brouillons, readSide.dossiers]) {
      const page = await list.list({ actor });
      if (page._tag === 'Left') throw new Error(page.left.message);
      log(`Liste ${list.name} ${who} : ${page.right.total} résultat(s)`);
      for (const row of page.right.rows) {
        log(
          `  ${row.number} | ${row.cardType.label} | ${row.company.name} | ${row.state} | ${row.totalHt.formatted} | ${row.actions.join(', ')}`,
        );
      }
    }
  }
  for (const sent of notifier.sent())
    log(`Notification au prestataire ${sent.recipient.name ?? sent.recipient.siren} : ${sent.message}`);
}

if (require.main === module) {
  runAdherentFlow((line) => console.log(line)).catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
