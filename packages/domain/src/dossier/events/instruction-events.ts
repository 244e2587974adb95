import * as t from 'io-ts';
import { OptionalReason, Reason } from '../fields';

/** a case manager started instructing the dossier (En cours d'instruction). */
export const InstructionStarted = t.type(
  { type: t.literal('InstructionStarted'), data: t.type({}) },
  'InstructionStarted',
);
/** Instruction started. */
export type InstructionStarted = t.TypeOf<typeof InstructionStarted>;

/** the case manager asked the employer for complements (Demande de compléments). */
export const ComplementsRequested = t.type(
  { type: t.literal('ComplementsRequested'), data: t.type({ message: Reason }) },
  'ComplementsRequested',
);
/** Complements were requested. */
export type ComplementsRequested = t.TypeOf<typeof ComplementsRequested>;

/** the employer answered a request for complements (Complément déposé). */
export const ComplementSubmitted = t.type(
  { type: t.literal('ComplementSubmitted'), data: t.type({ comment: OptionalReason }) },
  'ComplementSubmitted',
);
/** A complement was submitted. */
export type ComplementSubmitted = t.TypeOf<typeof ComplementSubmitted>;

/** funding granted (Accordé), possibly less than asked. */
export const Granted = t.type(
  { type: t.literal('Granted'), data: t.type({ amountGrantedCents: t.number }) },
  'Granted',
);
/** Funding was granted. */
export type Granted = t.TypeOf<typeof Granted>;

/** funding refused (Refusé), with a reason. */
export const Refused = t.type({ type: t.literal('Refused'), data: t.type({ reason: Reason }) }, 'Refused');
/** Funding was refused. */
export type Refused = t.TypeOf<typeof Refused>;

/** the employer was reimbursed (Remboursé). */
export const Reimbursed = t.type(
  { type: t.literal('Reimbursed'), data: t.type({ amountPaidCents: t.number }) },
  'Reimbursed',
);
/** A reimbursement was paid. */
export type Reimbursed = t.TypeOf<typeof Reimbursed>;

/** the dossier was closed (Clôturé). */
export const Closed = t.type({ type: t.literal('Closed'), data: t.type({}) }, 'Closed');
/** The dossier was closed. */
export type Closed = t.TypeOf<typeof Closed>;

/** the dossier was withdrawn (Annulé) by the employer or a case manager, before Accordé. */
export const Cancelled = t.type(
  { type: t.literal('Cancelled'), data: t.type({ reason: OptionalReason }) },
  'Cancelled',
);
/** The dossier was cancelled. */
export type Cancelled = t.TypeOf<typeof Cancelled>;
