// what a refused instruction move tells the case manager, word for word: the move and the
// state the dossier is in, or the bounds an amount must stay within, on the amount's field.
import { caseManager, givenDossier, onDossier, transmittedDossier } from '../../testing';
import type { DossierCommand } from '../commands';
import type { DossierEvent } from '../events';

const started: DossierEvent[] = [...transmittedDossier(), { type: 'InstructionStarted', data: {} }];
const granted: DossierEvent[] = [...started, { type: 'Granted', data: { amountGrantedCents: 20000 } }];
const closed: DossierEvent[] = [
  ...granted,
  { type: 'Reimbursed', data: { amountPaidCents: 20000 } },
  { type: 'Closed', data: {} },
];

const gm = (type: DossierCommand['type'], payload?: unknown) => onDossier(type, payload, caseManager);

describe('an instruction move refused', () => {
  it.each([
    [gm('StartInstruction'), "Le début de l'instruction"],
    [gm('RequestComplements', { message: 'Joindre le devis' }), 'La demande de compléments'],
    [onDossier('SubmitComplement', {}), 'Le dépôt de complément'],
    [gm('GrantFunding', { amountGrantedCents: 100 }), "L'accord de prise en charge"],
    [gm('RefuseFunding', { reason: 'Hors barème' }), 'Le refus de prise en charge'],
    [gm('RecordReimbursement', { amountPaidCents: 100 }), 'Le remboursement'],
    [gm('CloseDossier'), 'La clôture'],
    [gm('CancelDossier', {}), "L'annulation"],
  ])('R-35 %# names the move and the closed dossier’s state: « %s … »', (cmd, move) => {
    givenDossier(closed)
      .when(cmd)
      .thenError({
        code: 'ILLEGAL_TRANSITION',
        message: `${move} est impossible : le dossier est dans l'état « Clôturé »`,
      });
  });

  it('R-35 a granted amount above the transmitted total gives the bounds, on its field', () => {
    givenDossier(started)
      .when(gm('GrantFunding', { amountGrantedCents: 21001 }))
      .thenError({
        code: 'AMOUNT_NOT_ALLOWED',
        message: 'Le montant accordé doit être compris entre 0,01 € et 210,00 €',
        field: 'payload.amountGrantedCents',
      });
  });

  it('R-35 a reimbursement above the granted amount gives the bounds, on its field', () => {
    givenDossier(granted)
      .when(gm('RecordReimbursement', { amountPaidCents: 20001 }))
      .thenError({
        code: 'AMOUNT_NOT_ALLOWED',
        message: 'Le montant remboursé doit être compris entre 0,01 € et 200,00 €',
        field: 'payload.amountPaidCents',
      });
  });

  it('R-35 a granted or reimbursed amount of 0 € is below the bounds (the command decodes it)', () => {
    givenDossier(started)
      .when(gm('GrantFunding', { amountGrantedCents: 0 }))
      .thenError({
        code: 'AMOUNT_NOT_ALLOWED',
        message: 'Le montant accordé doit être compris entre 0,01 € et 210,00 €',
        field: 'payload.amountGrantedCents',
      });
    givenDossier(granted)
      .when(gm('RecordReimbursement', { amountPaidCents: 0 }))
      .thenError({
        code: 'AMOUNT_NOT_ALLOWED',
        message: 'Le montant remboursé doit être compris entre 0,01 € et 200,00 €',
        field: 'payload.amountPaidCents',
      });
  });
});
