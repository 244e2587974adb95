import { formatEuros } from '../../money';
import type { DossierCommandOf } from '../commands/dossier-command';
import type { DossierError } from '../errors';
import { dossierError } from '../errors';
import type { DossierState, DossierStatus } from '../state';
import type { Decision } from './outcome';
import { accept, illegal, refuse } from './outcome';

type InstructionCommand = DossierCommandOf<
  | 'StartInstruction'
  | 'RequestComplements'
  | 'SubmitComplement'
  | 'GrantFunding'
  | 'RefuseFunding'
  | 'RecordReimbursement'
  | 'CloseDossier'
  | 'CancelDossier'
>;

/** the states each instruction move may start from (anything else is an illegal move). */
export const INSTRUCTION_MOVES: Readonly<Record<InstructionCommand['type'], readonly DossierStatus[]>> = {
  StartInstruction: ['transmitted'],
  RequestComplements: ['instruction', 'complementSubmitted'],
  SubmitComplement: ['complementsRequested'],
  GrantFunding: ['instruction', 'complementSubmitted'],
  RefuseFunding: ['instruction', 'complementSubmitted'],
  RecordReimbursement: ['granted'],
  CloseDossier: ['reimbursed', 'refused'],
  CancelDossier: ['transmitted', 'instruction', 'complementsRequested', 'complementSubmitted'],
};

const ACTION_LABELS: Record<InstructionCommand['type'], string> = {
  StartInstruction: "Le début de l'instruction",
  RequestComplements: 'La demande de compléments',
  SubmitComplement: 'Le dépôt de complément',
  GrantFunding: "L'accord de prise en charge",
  RefuseFunding: 'Le refus de prise en charge',
  RecordReimbursement: 'Le remboursement',
  CloseDossier: 'La clôture',
  CancelDossier: "L'annulation",
};

/** an amount (in cents) outside 0,01 € .. the ceiling, for the amount typed in `field`. */
function amountNotAllowed(ceiling: number, field: string, what: string): DossierError {
  return dossierError(
    'AMOUNT_NOT_ALLOWED',
    `${what} doit être compris entre 0,01 € et ${formatEuros(ceiling)}`,
    {
      field,
    },
  );
}

const within = (amount: number, ceiling: number): boolean => amount >= 1 && amount <= ceiling;

/** the instruction lifecycle, each move an event with the case manager (or employer) as actor. */
export function decideInstruction(command: InstructionCommand, state: DossierState): Decision {
  if (!INSTRUCTION_MOVES[command.type].includes(state.status))
    return refuse(illegal(state, ACTION_LABELS[command.type]));
  switch (command.type) {
    case 'StartInstruction':
      return accept({ type: 'InstructionStarted', data: {} });
    case 'RequestComplements':
      return accept({ type: 'ComplementsRequested', data: { message: command.payload.message } });
    case 'SubmitComplement':
      return accept({ type: 'ComplementSubmitted', data: { comment: command.payload?.comment ?? null } });
    case 'GrantFunding': {
      const amount = command.payload.amountGrantedCents;
      const ceiling = state.transmittedAmountCents ?? 0;
      if (!within(amount, ceiling))
        return refuse(amountNotAllowed(ceiling, 'payload.amountGrantedCents', 'Le montant accordé'));
      return accept({ type: 'Granted', data: { amountGrantedCents: amount } });
    }
    case 'RefuseFunding':
      return accept({ type: 'Refused', data: { reason: command.payload.reason } });
    case 'RecordReimbursement': {
      const amount = command.payload.amountPaidCents;
      const ceiling = state.amountGrantedCents ?? 0;
      if (!within(amount, ceiling))
        return refuse(amountNotAllowed(ceiling, 'payload.amountPaidCents', 'Le montant remboursé'));
      return accept({ type: 'Reimbursed', data: { amountPaidCents: amount } });
    }
    case 'CloseDossier':
      return accept({ type: 'Closed', data: {} });
    case 'CancelDossier':
      return accept({ type: 'Cancelled', data: { reason: command.payload?.reason ?? null } });
  }
}
