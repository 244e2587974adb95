import type { DossierActor } from '@cartes-badges/domain';
import {
  FIXTURE_ESTABLISHMENTS as E,
  FIXTURE_PROVIDERS as P,
  samplePdf,
} from '@cartes-badges/domain/fixtures';
import { DossierPlan } from './plan';
import { attachRequired, fillForm } from './steps';
import { demoWorld } from './world';

const DAY = 86_400_000;

function actor(nickname: string): DossierActor {
  const user = demoWorld().users.find((u) => u.nickname === nickname);
  if (!user) throw new Error(`demo: no user ${nickname}`);
  return user.actor;
}

/**
 * The guide's scenarios, over the last weeks before `now`: an employer's draft transmitted and
 * instructed to the end, a pré-saisie accepted and transmitted, one refused, a draft duplicated
 * and the original deleted, drafts left in progress, a dossier refused and one cancelled.
 */
export function guideScenarios(now: Date): DossierPlan[] {
  const claire = actor('claire');
  const marc = actor('marc');
  const sophie = actor('sophie');
  const julien = actor('julien');
  const amina = actor('amina');
  const nathalie = actor('nathalie');
  const start = (daysAgo: number, hour = 9): Date => {
    const d = new Date(now.getTime() - daysAgo * DAY);
    d.setUTCHours(hour, 0, 0, 0);
    return d;
  };
  const plans: DossierPlan[] = [];

  // 1. Claire creates a tachograph-card draft, fills every tab, transmits; the fund instructs it to the end.
  const claireDraft = new DossierPlan('demo-guide-claire', start(28)).create('CreateDraft', claire, {
    siret: E.interimServicesClichy.siret,
    cardType: 'CHRONO',
  });
  fillForm(claireDraft, 0.2, claire, {
    email: 'claire.martin@interim-services.fr',
    provider: P.chronoLyon,
    unitAmountCents: 5250,
    quantity: 4,
    reference: 'CHR-2025-014',
    attestations: true,
  });
  attachRequired(claireDraft, claire, 'CHRONO', 'Intérim Services Clichy');
  claireDraft
    .then(0.2, 'TransmitDossier', claire)
    .then(26, 'StartInstruction', nathalie)
    .then(3, 'RequestComplements', nathalie, {
      message: 'Merci de joindre la liste des conducteurs concernés.',
    })
    .then(20, 'AttachDocument', claire, {
      documentType: 'Autre',
      fileName: 'liste-conducteurs.pdf',
      content: samplePdf('Liste des conducteurs'),
    })
    .then(0.2, 'SubmitComplement', claire, { comment: 'Liste des 4 conducteurs jointe.' })
    .then(46, 'GrantFunding', nathalie, { amountGrantedCents: 21000 })
    .then(170, 'RecordReimbursement', nathalie, { amountPaidCents: 21000 })
    .then(50, 'CloseDossier', nathalie);
  plans.push(claireDraft);

  // 2. Julien (provider) pre-fills a draft for Claire's agency; Claire accepts, completes it and transmits.
  const accepted = new DossierPlan('demo-guide-presaisie-acceptee', start(21, 10)).create(
    'SubmitPresaisie',
    julien,
    {
      siret: E.interimServicesClichy.siret,
      cardType: 'CHRONO',
      contactEmail: 'claire.martin@interim-services.fr',
      costLines: [{ nature: 'Achat Matériel', unitAmountCents: 5250, quantity: 6 }],
      comment: 'Renouvellement des cartes de 6 conducteurs.',
    },
  );
  accepted.then(22, 'AcceptPresaisie', claire);
  fillForm(accepted, 0.3, claire, { email: 'claire.martin@interim-services.fr', attestations: true });
  attachRequired(accepted, claire, 'CHRONO', 'pré-saisie Chronotachy');
  accepted.then(0.2, 'TransmitDossier', claire).then(48, 'StartInstruction', nathalie);
  plans.push(accepted);

  // 3. Amina (provider) pre-fills BTP cards for Marc's Lyon agency; Marc refuses it: Amina is notified.
  plans.push(
    new DossierPlan('demo-guide-presaisie-refusee', start(14, 11))
      .create('SubmitPresaisie', amina, {
        siret: E.batimentInterimLyon.siret,
        cardType: 'BTP',
        costLines: [{ nature: 'Achat Matériel', unitAmountCents: 980, quantity: 25 }],
      })
      .then(30, 'RefusePresaisie', marc, { reason: 'Cartes déjà commandées auprès d’un autre prestataire.' }),
  );

  // 4. Marc starts a BTP draft for Grenoble, duplicates it, completes the copy and deletes the first.
  const original = new DossierPlan('demo-guide-marc-grenoble', start(10, 14)).create('CreateDraft', marc, {
    siret: E.batimentInterimGrenoble.siret,
    cardType: 'BTP',
  });
  fillForm(original, 0.3, marc, {
    email: 'm.dubois@batiment-interim.fr',
    provider: P.btpNanterre,
    unitAmountCents: 980,
    quantity: 12,
  });
  plans.push(original);
  const copy = new DossierPlan('demo-guide-marc-copie', new Date(original.lastAt.getTime() + 2 * DAY)).create(
    'DuplicateDraft',
    marc,
    { sourceDossierId: original.dossierId },
  );
  fillForm(copy, 0.5, marc, {
    email: 'm.dubois@batiment-interim.fr',
    unitAmountCents: 980,
    quantity: 18,
    reference: 'BTP-GRE-02',
  });
  plans.push(copy);
  original.then(50, 'DeleteDraft', marc);

  // 5. Marc's Nantes agency: a draft left half done (Enregistrer without everything).
  const halfDone = new DossierPlan('demo-guide-marc-nantes', start(4, 16)).create('CreateDraft', marc, {
    siret: E.atlantiqueNantes.siret,
    cardType: 'CHRONO',
  });
  fillForm(halfDone, 0.2, marc, { email: 'm.dubois@batiment-interim.fr', unitAmountCents: 5250 });
  plans.push(halfDone);

  // 6. Sophie transmits a dossier the fund refuses; 7. Claire withdraws one while it is instructed.
  const refused = new DossierPlan('demo-guide-sophie', start(25, 8)).create('CreateDraft', sophie, {
    siret: E.hautsDeFranceLille.siret,
    cardType: 'CHRONO',
  });
  fillForm(refused, 0.5, sophie, {
    email: 'sophie.lambert@hdf-interim.fr',
    provider: P.cartesProMarseille,
    unitAmountCents: 9900,
    quantity: 2,
    attestations: true,
  });
  attachRequired(refused, sophie, 'CHRONO', 'Hauts-de-France Intérim');
  refused
    .then(0.2, 'TransmitDossier', sophie)
    .then(30, 'StartInstruction', nathalie)
    .then(24, 'RefuseFunding', nathalie, {
      reason: 'Prestataire non certifié Qualiopi : frais non éligibles au financement du fonds.',
    });
  plans.push(refused);

  const withdrawn = new DossierPlan('demo-guide-claire-annule', start(12, 9)).create('CreateDraft', claire, {
    siret: E.interimServicesClichy.siret,
    cardType: 'BTP',
  });
  fillForm(withdrawn, 0.5, claire, {
    email: 'claire.martin@interim-services.fr',
    provider: P.btpNanterre,
    unitAmountCents: 980,
    quantity: 8,
    attestations: true,
  });
  attachRequired(withdrawn, claire, 'BTP', 'Intérim Services Clichy');
  withdrawn
    .then(0.2, 'TransmitDossier', claire)
    .then(40, 'StartInstruction', nathalie)
    .then(30, 'CancelDossier', claire, { reason: 'Missions annulées par le client.' });
  plans.push(withdrawn);

  return plans.map((plan) => plan.endBy(new Date(now.getTime() - 60_000)));
}
