import * as t from 'io-ts';
import { OptionalReason, Reason, requiredCents } from '../fields';
import { bareDossierCommand, dossierCommand, optionalPayloadCommand } from './command-shape';

/** a case manager starts instructing a transmitted dossier. */
export const StartInstruction = bareDossierCommand('StartInstruction');
/** Starts instruction. */
export type StartInstruction = t.TypeOf<typeof StartInstruction>;

/** a case manager asks the employer for complements. */
export const RequestComplements = dossierCommand('RequestComplements', t.type({ message: Reason }));
/** Requests complements. */
export type RequestComplements = t.TypeOf<typeof RequestComplements>;

/** the employer answers a request for complements (documents go through AttachDocument). */
export const SubmitComplement = optionalPayloadCommand(
  'SubmitComplement',
  t.partial({ comment: OptionalReason }),
);
/** Submits a complement. */
export type SubmitComplement = t.TypeOf<typeof SubmitComplement>;

/** grant the funding (Accordé), at most the amount asked. */
export const GrantFunding = dossierCommand(
  'GrantFunding',
  t.type({ amountGrantedCents: requiredCents('AmountGrantedCents', 'Montant accordé') }),
);
/** Grants funding. */
export type GrantFunding = t.TypeOf<typeof GrantFunding>;

/** refuse the funding (Refusé) with a reason. */
export const RefuseFunding = dossierCommand('RefuseFunding', t.type({ reason: Reason }));
/** Refuses funding. */
export type RefuseFunding = t.TypeOf<typeof RefuseFunding>;

/** record the reimbursement paid (Remboursé), at most the amount granted. */
export const RecordReimbursement = dossierCommand(
  'RecordReimbursement',
  t.type({ amountPaidCents: requiredCents('AmountPaidCents', 'Montant remboursé') }),
);
/** Records a reimbursement. */
export type RecordReimbursement = t.TypeOf<typeof RecordReimbursement>;

/** close the dossier (Clôturé). */
export const CloseDossier = bareDossierCommand('CloseDossier');
/** Closes a dossier. */
export type CloseDossier = t.TypeOf<typeof CloseDossier>;

/** withdraw the dossier (Annulé), by the employer or a case manager, before Accordé. */
export const CancelDossier = optionalPayloadCommand('CancelDossier', t.partial({ reason: OptionalReason }));
/** Cancels a dossier. */
export type CancelDossier = t.TypeOf<typeof CancelDossier>;
