import type { DossierEventType } from './dossier-event';

/**
 * The current schema version of each dossier event type. Bump one when its data changes, and
 * register an upcaster from the previous version in `upcasters.ts`; stored events stay as written.
 */
export const DOSSIER_EVENT_SCHEMA_VERSIONS: Record<DossierEventType, number> = {
  DraftCreated: 1,
  PresaisieSubmitted: 1,
  PresaisieAccepted: 1,
  PresaisieRefused: 1,
  DraftDuplicated: 1,
  DraftDeleted: 1,
  ContactEmailChanged: 1,
  ProviderSelected: 1,
  InternalReferenceChanged: 1,
  // v2: amounts in integer cents instead of decimal euro strings (see upcasters.ts).
  CostLinesChanged: 2,
  AttestationGiven: 1,
  AttestationWithdrawn: 1,
  CommentChanged: 1,
  DocumentAttached: 1,
  DocumentRemoved: 1,
  Transmitted: 1,
  InstructionStarted: 1,
  ComplementsRequested: 1,
  ComplementSubmitted: 1,
  Granted: 1,
  Refused: 1,
  Reimbursed: 1,
  Closed: 1,
  Cancelled: 1,
  PersonalDataErased: 1,
};

/** The schema version written with a new event of this type. */
export function dossierSchemaVersion(type: DossierEventType): number {
  return DOSSIER_EVENT_SCHEMA_VERSIONS[type];
}
