import * as t from 'io-ts';
import { AttestationGiven, AttestationWithdrawn } from './attestation-events';
import { DraftCreated, DraftDuplicated, PresaisieSubmitted } from './creation-events';
import { DocumentAttached, DocumentRemoved } from './document-events';
import {
  Cancelled,
  Closed,
  ComplementsRequested,
  ComplementSubmitted,
  Granted,
  InstructionStarted,
  Refused,
  Reimbursed,
} from './instruction-events';
import { DraftDeleted, PresaisieAccepted, PresaisieRefused } from './presaisie-events';
import {
  CommentChanged,
  ContactEmailChanged,
  CostLinesChanged,
  InternalReferenceChanged,
  ProviderSelected,
} from './tab-events';
import { Transmitted } from './transmission-events';
import { PersonalDataErased } from './erasure-events';

/** Every event of a dossier stream, by type: the single source of the union below. */
export const DOSSIER_EVENT_CODECS = {
  DraftCreated,
  PresaisieSubmitted,
  PresaisieAccepted,
  PresaisieRefused,
  DraftDuplicated,
  DraftDeleted,
  ContactEmailChanged,
  ProviderSelected,
  InternalReferenceChanged,
  CostLinesChanged,
  AttestationGiven,
  AttestationWithdrawn,
  CommentChanged,
  DocumentAttached,
  DocumentRemoved,
  Transmitted,
  InstructionStarted,
  ComplementsRequested,
  ComplementSubmitted,
  Granted,
  Refused,
  Reimbursed,
  Closed,
  Cancelled,
  PersonalDataErased,
} as const;

/** The type name of a dossier event. */
export type DossierEventType = keyof typeof DOSSIER_EVENT_CODECS;

/** Every dossier event type name. */
export const DOSSIER_EVENT_TYPES = Object.keys(DOSSIER_EVENT_CODECS) as DossierEventType[];

type DossierEventCodecs = typeof DOSSIER_EVENT_CODECS;

/** Any event of a dossier stream. */
export type DossierEvent = { [K in DossierEventType]: t.TypeOf<DossierEventCodecs[K]> }[DossierEventType];

/** A dossier event as stored (the codecs' output side). */
export type DossierEventOutput = {
  [K in DossierEventType]: t.OutputOf<DossierEventCodecs[K]>;
}[DossierEventType];

/**
 * The union codec of a dossier stream's events, built from the map above so that the catalogue
 * is written once: an event added there decodes and is routed by type, with nothing to keep in
 * step. (io-ts wants a tuple of at least two codecs for its union; the map has 25.)
 */
export const DossierEvent: t.Type<DossierEvent, DossierEventOutput, unknown> = t.union(
  Object.values(DOSSIER_EVENT_CODECS) as unknown as [t.Mixed, t.Mixed, ...t.Mixed[]],
  'DossierEvent',
);

/** Narrows a string to a dossier event type. */
export function isDossierEventType(type: string): type is DossierEventType {
  return Object.prototype.hasOwnProperty.call(DOSSIER_EVENT_CODECS, type);
}
