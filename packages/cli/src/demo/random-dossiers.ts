import type { SeededRandom } from '@cartes-badges/domain/fixtures';
import { FIXTURE_USERS, seededRandom } from '@cartes-badges/domain/fixtures';
import { DossierPlan } from './plan';
import { attachRequired, CARD_PRICES, fillForm } from './steps';
import { demoWorld } from './world';

const DAY = 86_400_000;

const REFUSAL_REASONS = [
  'Tarif supérieur au devis accepté.',
  'Nombre de cartes erroné.',
  'Commande déjà passée directement par l’agence.',
  'Établissement erroné.',
];
const FUNDING_REFUSALS = [
  'Budget annuel de l’agence épuisé.',
  'Facture antérieure à la demande.',
  'Salariés non éligibles au dispositif.',
];

/** Where a random dossier's story stops. */
type Outcome =
  | 'draft'
  | 'deleted'
  | 'presaisie'
  | 'presaisieRefused'
  | 'transmitted'
  | 'instruction'
  | 'complements'
  | 'granted'
  | 'refused'
  | 'reimbursed'
  | 'closed'
  | 'cancelled';

// Rough shares of a real portal: most requests end up funded; a few stay drafts or are dropped.
const OUTCOMES: readonly [Outcome, number][] = [
  ['draft', 10],
  ['deleted', 5],
  ['presaisie', 4],
  ['presaisieRefused', 6],
  ['transmitted', 10],
  ['instruction', 8],
  ['complements', 5],
  ['granted', 12],
  ['refused', 6],
  ['reimbursed', 14],
  ['closed', 16],
  ['cancelled', 4],
];

function pickOutcome(random: SeededRandom): Outcome {
  const total = OUTCOMES.reduce((n, [, w]) => n + w, 0);
  let x = random.next() * total;
  for (const [outcome, weight] of OUTCOMES) {
    x -= weight;
    if (x < 0) return outcome;
  }
  return 'closed';
}

/**
 * `count` realistic dossiers over the 180 days before `now`, drawn from the demo world's
 * generated agencies and providers with `seed`: the same (count, seed) gives the same dossiers,
 * and a larger count keeps the first ones (so the demo can be grown and re-run).
 */
export function randomDossiers(count: number, seed: number, now: Date): DossierPlan[] {
  const world = demoWorld();
  const nathalie = world.users.find((u) => u.id === FIXTURE_USERS.nathalie.id)!.actor;
  const plans: DossierPlan[] = [];
  for (let i = 0; i < count; i++) {
    // One generator per dossier: dossier i is the same whatever the count.
    const random = seededRandom(seed * 100_003 + i);
    const { user, sirets } = random.pick(world.generatedEmployers);
    const employer = user.actor;
    const siret = random.pick(sirets);
    const cardType = random.next() < 0.55 ? 'CHRONO' : 'BTP';
    const { user: providerUser, provider } = random.pick(world.providerUsers);
    const price = random.next() < 0.7 ? CARD_PRICES[cardType] : CARD_PRICES[cardType] + random.int(-150, 400);
    const quantity = cardType === 'CHRONO' ? random.int(1, 15) : random.int(5, 60);
    const email = `rh.${siret.slice(-5)}@agence-interim.fr`;
    const outcome = pickOutcome(random);
    const start = new Date(now.getTime() - random.int(5, 180) * DAY);
    start.setUTCHours(random.int(7, 16), random.int(0, 59), 0, 0);
    const key = `demo-s${seed}-d${i}`;
    const viaPresaisie = outcome.startsWith('presaisie') || random.next() < 0.25;
    const plan = new DossierPlan(key, start);
    if (viaPresaisie) {
      plan.create('SubmitPresaisie', providerUser.actor, {
        siret,
        cardType,
        costLines: [{ nature: 'Achat Matériel', unitAmountCents: price, quantity }],
      });
      if (outcome === 'presaisie') {
        plans.push(plan.endBy(now));
        continue;
      }
      if (outcome === 'presaisieRefused') {
        const afterAcceptance = random.next() < 0.3;
        if (afterAcceptance) plan.then(random.int(2, 72), 'AcceptPresaisie', employer);
        plan.then(random.int(2, 96), 'RefusePresaisie', employer, { reason: random.pick(REFUSAL_REASONS) });
        plans.push(plan.endBy(now));
        continue;
      }
      plan.then(random.int(2, 96), 'AcceptPresaisie', employer);
      fillForm(plan, 0.3, employer, { email, attestations: outcome !== 'draft' });
    } else {
      plan.create('CreateDraft', employer, { siret, cardType });
      const complete = outcome !== 'draft' && outcome !== 'deleted';
      fillForm(plan, random.int(0, 3) / 10 + 0.1, employer, {
        email,
        ...(complete || random.next() < 0.5 ? { provider } : {}),
        unitAmountCents: price,
        quantity,
        attestations: complete,
      });
    }
    if (outcome === 'draft') {
      plans.push(plan.endBy(now));
      continue;
    }
    if (outcome === 'deleted') {
      // an accepted pré-saisie the employer gives up on is refused, never deleted.
      if (viaPresaisie) plan.then(random.int(24, 400), 'RefusePresaisie', employer, { reason: null });
      else plan.then(random.int(24, 400), 'DeleteDraft', employer);
      plans.push(plan.endBy(now));
      continue;
    }
    attachRequired(plan, employer, cardType, siret);
    // Days from creation to transmission vary: same day for some, weeks for others.
    plan.then(random.next() < 0.3 ? 0.5 : random.int(24, 24 * 20), 'TransmitDossier', employer);
    const total = price * quantity;
    const steps: Outcome[] = [
      'instruction',
      'complements',
      'granted',
      'refused',
      'reimbursed',
      'closed',
      'cancelled',
    ];
    if (!steps.includes(outcome)) {
      plans.push(plan.endBy(now));
      continue;
    }
    plan.then(random.int(24, 120), 'StartInstruction', nathalie);
    if (outcome === 'complements' || random.next() < 0.2) {
      plan.then(random.int(4, 72), 'RequestComplements', nathalie, {
        message: 'Merci de préciser les salariés bénéficiaires.',
      });
      if (outcome !== 'complements') plan.then(random.int(24, 120), 'SubmitComplement', employer, {});
    }
    if (outcome === 'cancelled')
      plan.then(random.int(24, 96), 'CancelDossier', employer, { reason: 'Besoin annulé.' });
    if (outcome === 'refused')
      plan.then(random.int(24, 200), 'RefuseFunding', nathalie, { reason: random.pick(FUNDING_REFUSALS) });
    if (outcome === 'granted' || outcome === 'reimbursed' || outcome === 'closed') {
      const granted = random.next() < 0.8 ? total : Math.round((total * random.int(50, 95)) / 100);
      plan.then(random.int(24, 200), 'GrantFunding', nathalie, { amountGrantedCents: granted });
      if (outcome !== 'granted')
        plan.then(random.int(72, 600), 'RecordReimbursement', nathalie, { amountPaidCents: granted });
      if (outcome === 'closed') plan.then(random.int(24, 300), 'CloseDossier', nathalie);
    }
    plans.push(plan.endBy(now));
  }
  return plans;
}
