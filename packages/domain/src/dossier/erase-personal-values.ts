import { ERASED_TEXT } from '@cartes-badges/eventsourcing';
import type { DossierState } from './state';

const erased = <T>(value: T | null): typeof ERASED_TEXT | null => (value === null ? null : ERASED_TEXT);

/**
 * The state with every personal value read as erased, as a fold from the (decrypted) events
 * gives it once the key is destroyed: a state cached before the erasure, folded on with the
 * PersonalDataErased event, shows what a rebuild shows. Mirrors DOSSIER_PERSONAL_FIELDS.
 */
export function erasePersonalValues(state: DossierState): DossierState {
  return {
    ...state,
    contactEmail: erased(state.contactEmail),
    internalReference: erased(state.internalReference),
    comment: erased(state.comment),
    complementsRequest: erased(state.complementsRequest),
    refusalReason: erased(state.refusalReason),
    cancellationReason: erased(state.cancellationReason),
    documents: state.documents.map((document) => ({
      ...document,
      file: { ...document.file, name: ERASED_TEXT },
    })),
  };
}
