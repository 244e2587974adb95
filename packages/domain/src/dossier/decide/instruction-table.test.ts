import {
  caseManager,
  employer,
  foldEvents,
  givenDossier,
  onDossier,
  otherEmployer,
  provider,
  transmittedDossier,
} from '../../testing';
import type { DossierActor } from '../commands/actor';
import type { DossierCommandType } from '../commands/dossier-command';
import type { DossierEvent } from '../events';
import { dossierStatusLabel } from '../state';

// R-35 as a table: every instruction state × every instruction command × every kind of actor.
// The expected outcomes are written here from the spec (domain/cartes-badges.md and
// docs/security.md for role `system`), in the spec's own words (the state labels), and never
// read from the decider's tables: a move the spec does not draw must be refused, from every
// state, whoever asks.

type State =
  | 'Transmis'
  | "En cours d'instruction"
  | 'Demande de compléments'
  | 'Complément déposé'
  | 'Accordé'
  | 'Refusé'
  | 'Remboursé'
  | 'Clôturé'
  | 'Annulé';

type InstructionCommand = Extract<
  DossierCommandType,
  | 'StartInstruction'
  | 'RequestComplements'
  | 'SubmitComplement'
  | 'GrantFunding'
  | 'RefuseFunding'
  | 'RecordReimbursement'
  | 'CloseDossier'
  | 'CancelDossier'
>;

const GRANTED_CENTS = 15_000; // less than the 210 € asked by transmittedDossier (R-35 allows it)

// Each state reached by the spec's own path, events written out (no decider involved).
const pathTo: Record<State, DossierEvent[]> = (() => {
  const transmitted = transmittedDossier();
  const instruction = [...transmitted, { type: 'InstructionStarted', data: {} } as DossierEvent];
  const requested = [
    ...instruction,
    { type: 'ComplementsRequested', data: { message: 'Joindre le devis signé' } } as DossierEvent,
  ];
  const granted = [
    ...instruction,
    { type: 'Granted', data: { amountGrantedCents: GRANTED_CENTS } } as DossierEvent,
  ];
  const reimbursed = [
    ...granted,
    { type: 'Reimbursed', data: { amountPaidCents: GRANTED_CENTS } } as DossierEvent,
  ];
  return {
    Transmis: transmitted,
    "En cours d'instruction": instruction,
    'Demande de compléments': requested,
    'Complément déposé': [
      ...requested,
      { type: 'ComplementSubmitted', data: { comment: 'Devis joint' } } as DossierEvent,
    ],
    Accordé: granted,
    Refusé: [...instruction, { type: 'Refused', data: { reason: 'Carte hors champ' } } as DossierEvent],
    Remboursé: reimbursed,
    Clôturé: [...reimbursed, { type: 'Closed', data: {} } as DossierEvent],
    Annulé: [...transmitted, { type: 'Cancelled', data: { reason: null } } as DossierEvent],
  };
})();

type ActorKind =
  | 'employeur rattaché'
  | 'employeur d’une autre entreprise'
  | 'prestataire'
  | 'gestionnaire'
  | 'system';
const actors: Record<ActorKind, DossierActor> = {
  'employeur rattaché': employer,
  'employeur d’une autre entreprise': otherEmployer,
  prestataire: provider, // this dossier is not its pré-saisie
  gestionnaire: caseManager,
  system: { role: 'system', userId: 'instruction-batch' },
};

// R-35's lifecycle: each move, the states it leaves from, where it goes, the event it records.
// Transmis → En cours d'instruction → (Demande de compléments ⇄ Complément déposé) → Accordé or
// Refusé → Remboursé (after Accordé) → Clôturé; Annulé from any state before Accordé.
const BEFORE_ACCORDE: State[] = [
  'Transmis',
  "En cours d'instruction",
  'Demande de compléments',
  'Complément déposé',
];
const moves: Record<InstructionCommand, { from: State[]; to: State; event: DossierEvent['type'] }> = {
  StartInstruction: { from: ['Transmis'], to: "En cours d'instruction", event: 'InstructionStarted' },
  RequestComplements: {
    from: ["En cours d'instruction", 'Complément déposé'],
    to: 'Demande de compléments',
    event: 'ComplementsRequested',
  },
  SubmitComplement: {
    from: ['Demande de compléments'],
    to: 'Complément déposé',
    event: 'ComplementSubmitted',
  },
  GrantFunding: { from: ["En cours d'instruction", 'Complément déposé'], to: 'Accordé', event: 'Granted' },
  RefuseFunding: { from: ["En cours d'instruction", 'Complément déposé'], to: 'Refusé', event: 'Refused' },
  RecordReimbursement: { from: ['Accordé'], to: 'Remboursé', event: 'Reimbursed' },
  CloseDossier: { from: ['Remboursé', 'Refusé'], to: 'Clôturé', event: 'Closed' },
  CancelDossier: { from: BEFORE_ACCORDE, to: 'Annulé', event: 'Cancelled' },
};

// R-04 + R-35: who may send each move. Case managers instruct; the employer answers a request
// for complements and may withdraw; role `system` instructs transmitted dossiers like a case
// manager (docs/security.md); nobody else, and an employer only on its own establishment's dossier.
const CASE_MANAGERS: ActorKind[] = ['gestionnaire', 'system'];
const mayAsk: Record<InstructionCommand, ActorKind[]> = {
  StartInstruction: CASE_MANAGERS,
  RequestComplements: CASE_MANAGERS,
  SubmitComplement: ['employeur rattaché'],
  GrantFunding: CASE_MANAGERS,
  RefuseFunding: CASE_MANAGERS,
  RecordReimbursement: CASE_MANAGERS,
  CloseDossier: CASE_MANAGERS,
  CancelDossier: ['employeur rattaché', ...CASE_MANAGERS],
};

const payloads: Record<InstructionCommand, unknown> = {
  StartInstruction: undefined,
  RequestComplements: { message: 'Merci de joindre la facture' },
  SubmitComplement: { comment: 'Facture jointe' },
  GrantFunding: { amountGrantedCents: 10_000 },
  RefuseFunding: { reason: 'Non éligible' },
  RecordReimbursement: { amountPaidCents: 5_000 },
  CloseDossier: undefined,
  CancelDossier: { reason: 'Commande annulée' },
};

type Expected = { accepted: State; event: DossierEvent['type'] } | { refused: string };

function expectedOutcome(state: State, command: InstructionCommand, actor: ActorKind): Expected {
  if (!mayAsk[command].includes(actor)) return { refused: 'NOT_AUTHORISED' };
  const move = moves[command];
  return move.from.includes(state)
    ? { accepted: move.to, event: move.event }
    : { refused: 'ILLEGAL_TRANSITION' };
}

const STATES = Object.keys(pathTo) as State[];
const COMMANDS = Object.keys(moves) as InstructionCommand[];
const ACTOR_KINDS = Object.keys(actors) as ActorKind[];
const cases = STATES.flatMap((state) =>
  COMMANDS.flatMap((command) =>
    ACTOR_KINDS.map((actor) => {
      const expected = expectedOutcome(state, command, actor);
      const outcome = 'refused' in expected ? expected.refused : `→ ${expected.accepted}`;
      return { state, command, actor, expected, outcome };
    }),
  ),
);

describe('R-35 the instruction state machine, every state × command × actor', () => {
  it.each(STATES)('R-35 the path written for « %s » does lead there', (state) => {
    expect(dossierStatusLabel(foldEvents(pathTo[state]))).toBe(state);
  });

  it('R-35 the table covers 9 states × 8 commands × 5 actors, 33 legal moves among them (8 moves, each from its states, by each actor allowed)', () => {
    expect(cases).toHaveLength(9 * 8 * 5);
    expect(cases.filter((c) => 'accepted' in c.expected)).toHaveLength(33);
  });

  it.each(cases)('R-35 $state × $command by $actor: $outcome', ({ state, command, actor, expected }) => {
    const history = pathTo[state];
    const when = givenDossier(history).when(onDossier(command, payloads[command], actors[actor]));
    if ('refused' in expected) {
      when.thenError((error) => expect(error.code).toBe(expected.refused));
      // The message names the state the dossier is in, as the portal shows it.
      if (expected.refused === 'ILLEGAL_TRANSITION')
        when.thenError((error) => expect(error.message).toContain(`« ${state} »`));
      return;
    }
    const events = when.events();
    expect(events).toEqual([expect.objectContaining({ type: expected.event })]);
    expect(dossierStatusLabel(foldEvents([...history, ...events]))).toBe(expected.accepted);
  });
});
