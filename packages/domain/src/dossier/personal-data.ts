import type { EventStore, PersonalDataKeys, PersonalFields } from '@cartes-badges/eventsourcing';
import { protectPersonalData } from '@cartes-badges/eventsourcing';
import { dossierEventDecoder } from './event-decoder';
import type { DossierEventType } from './events';
import { dossierUpcasters } from './events/upcasters';

/**
 * The personal data of a dossier, as data: each event type's values typed by a person or naming
 * one (contact email, comments, reasons and messages written by users, the internal reference,
 * the names of uploaded files). Sealed with the dossier's key before append, erased with it.
 * Only ever add to this list: a path taken out would leave its stored values sealed.
 * The INSEE/SIRENE snapshots are companies' public data, and the actors' user ids are
 * pseudonymous ids of the fund's directory: neither is here (docs/audit.md).
 */
export const DOSSIER_PERSONAL_FIELDS: Readonly<Partial<Record<DossierEventType, readonly string[]>>> = {
  PresaisieSubmitted: ['contactEmail', 'comment'],
  DraftDuplicated: ['contactEmail', 'internalReference', 'comment'],
  ContactEmailChanged: ['email'],
  InternalReferenceChanged: ['internalReference'],
  CommentChanged: ['comment'],
  DocumentAttached: ['file.name'],
  PresaisieRefused: ['reason'],
  ComplementsRequested: ['message'],
  ComplementSubmitted: ['comment'],
  Refused: ['reason'],
  Cancelled: ['reason'],
};

/** Every personal field as `EventType.path`, the way an erasure event names them. */
export function personalFieldNames(): string[] {
  return Object.entries(DOSSIER_PERSONAL_FIELDS).flatMap(([type, paths]) =>
    (paths ?? []).map((path) => `${type}.${path}`),
  );
}

/** The subject of a stream's personal data: the dossier (one key per dossier stream). */
export function dossierSubjectOf(streamId: string): string | undefined {
  return streamId.startsWith('dossier-') ? streamId : undefined;
}

/**
 * The store options of a store that `protectDossierStore` will wrap: the upcasters only (the
 * decoder runs above, on the decrypted values).
 */
export const protectedDossierStoreOptions = { upcasters: dossierUpcasters };

/**
 * A dossier store whose personal values are sealed with each dossier's key (crypto-shredding):
 * give it a store created with `protectedDossierStoreOptions` and the keys kept beside it.
 */
export function protectDossierStore(store: EventStore, keys: PersonalDataKeys): EventStore {
  return protectPersonalData(store, {
    keys,
    fields: DOSSIER_PERSONAL_FIELDS as PersonalFields,
    subjectOf: dossierSubjectOf,
    decoder: dossierEventDecoder,
  });
}
