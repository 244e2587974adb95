import * as t from 'io-ts';
import { knownFieldsOnly } from '../../identifiers/known-fields';
import { Attestation } from '../events/attestation-events';
import { Comment, InternalReference, keepAbsent, OptionalReason, requiredText, Uuid } from '../fields';
import { bareDossierCommand, dossierCommand, optionalPayloadCommand } from './command-shape';
import { CostLineList, FileContent, OptionalEmail, ProviderSearch } from './payload-codecs';

/** enter or change the contact email (Employeur tab). */
export const ChangeContactEmail = dossierCommand('ChangeContactEmail', t.type({ email: OptionalEmail }));
/** Changes the contact email. */
export type ChangeContactEmail = t.TypeOf<typeof ChangeContactEmail>;

/** pick the provider by SIREN or SIRET (Prestation tab). */
export const SelectProvider = dossierCommand('SelectProvider', t.type({ search: ProviderSearch }));
/** Selects a provider. */
export type SelectProvider = t.TypeOf<typeof SelectProvider>;

/** enter or change the internal reference. */
export const ChangeInternalReference = dossierCommand(
  'ChangeInternalReference',
  t.type({ internalReference: InternalReference }),
);
/** Changes the internal reference. */
export type ChangeInternalReference = t.TypeOf<typeof ChangeInternalReference>;

/** enter or change the cost lines. */
export const ChangeCostLines = dossierCommand('ChangeCostLines', t.type({ lines: CostLineList }));
/** Changes the cost lines. */
export type ChangeCostLines = t.TypeOf<typeof ChangeCostLines>;

/** tick an attestation. */
export const GiveAttestation = dossierCommand('GiveAttestation', t.type({ attestation: Attestation }));
/** Gives an attestation. */
export type GiveAttestation = t.TypeOf<typeof GiveAttestation>;

/** untick an attestation. */
export const WithdrawAttestation = dossierCommand(
  'WithdrawAttestation',
  t.type({ attestation: Attestation }),
);
/** Withdraws an attestation. */
export type WithdrawAttestation = t.TypeOf<typeof WithdrawAttestation>;

/** enter or change the comment for the case manager. */
export const ChangeComment = dossierCommand('ChangeComment', t.type({ comment: Comment }));
/** Changes the comment. */
export type ChangeComment = t.TypeOf<typeof ChangeComment>;

/**
 * R-07 "Enregistrer": the form as the user left it, any subset of the fields; each field that
 * differs from the dossier becomes its own event, the others produce nothing.
 */
export const SaveDraft = dossierCommand(
  'SaveDraft',
  t.partial({
    contactEmail: keepAbsent(OptionalEmail),
    providerSearch: ProviderSearch,
    internalReference: keepAbsent(InternalReference),
    costLines: CostLineList,
    comment: keepAbsent(Comment),
    attestations: knownFieldsOnly(
      t.partial({ honour: t.boolean, generalConditions: t.boolean, supportingDocuments: t.boolean }),
    ),
  }),
);
/** Saves a draft's form. */
export type SaveDraft = t.TypeOf<typeof SaveDraft>;

/** R-19..R-22: attach a file under a document type (its id derives from the command id if absent). */
export const AttachDocument = dossierCommand(
  'AttachDocument',
  t.intersection([
    t.type({
      documentType: requiredText('DocumentType', 100),
      fileName: requiredText('FileName', 255),
      content: FileContent,
    }),
    t.partial({ documentId: Uuid }),
  ]),
);
/** Attaches a document. */
export type AttachDocument = t.TypeOf<typeof AttachDocument>;

/** remove a file from a draft. */
export const RemoveDocument = dossierCommand('RemoveDocument', t.type({ documentId: Uuid }));
/** Removes a document. */
export type RemoveDocument = t.TypeOf<typeof RemoveDocument>;

/** the employer accepts a pré-saisie. */
export const AcceptPresaisie = bareDossierCommand('AcceptPresaisie');
/** Accepts a pré-saisie. */
export type AcceptPresaisie = t.TypeOf<typeof AcceptPresaisie>;

/** the employer refuses a pré-saisie (before or after accepting it). */
export const RefusePresaisie = optionalPayloadCommand(
  'RefusePresaisie',
  t.partial({ reason: OptionalReason }),
);
/** Refuses a pré-saisie. */
export type RefusePresaisie = t.TypeOf<typeof RefusePresaisie>;

/** delete a draft. */
export const DeleteDraft = bareDossierCommand('DeleteDraft');
/** Deletes a draft. */
export type DeleteDraft = t.TypeOf<typeof DeleteDraft>;

/** transmit a complete draft. */
export const TransmitDossier = bareDossierCommand('TransmitDossier');
/** Transmits a dossier. */
export type TransmitDossier = t.TypeOf<typeof TransmitDossier>;
