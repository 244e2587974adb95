import * as E from 'fp-ts/Either';
import type { DossierError } from '../errors';
import { dossierError } from '../errors';
import type { DossierState } from '../state';
import { illegal, refuse } from './outcome';

/** the message shown when the employer tries to change a pré-saisie not yet accepted. */
export const PRESAISIE_READ_ONLY_MESSAGE =
  'Cette pré-saisie est en lecture seule : acceptez-la pour pouvoir la modifier ou la compléter';

/** form data changes only on a draft; a pré-saisie awaiting acceptance is read-only. */
export function ensureEditable(state: DossierState, action: string): E.Either<DossierError, void> {
  if (state.status === 'draft') return E.right(undefined);
  if (state.status === 'presaisie')
    return refuse(dossierError('PRESAISIE_READ_ONLY', PRESAISIE_READ_ONLY_MESSAGE));
  return refuse(illegal(state, action));
}
