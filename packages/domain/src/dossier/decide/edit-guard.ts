import type { DossierError } from '../errors';
import { dossierError } from '../errors';
import type { DossierState } from '../state';
import { illegal } from './outcome';

/** the message shown when the employer tries to change a pré-saisie not yet accepted. */
export const PRESAISIE_READ_ONLY_MESSAGE =
  'Cette pré-saisie est en lecture seule : acceptez-la pour pouvoir la modifier ou la compléter';

/**
 * why the form data may not change (it changes only on a draft; a pré-saisie awaiting
 * acceptance is read-only), or undefined when it may.
 */
export function refusalToEdit(state: DossierState, action: string): DossierError | undefined {
  if (state.status === 'draft') return undefined;
  if (state.status === 'presaisie') return dossierError('PRESAISIE_READ_ONLY', PRESAISIE_READ_ONLY_MESSAGE);
  return illegal(state, action);
}
