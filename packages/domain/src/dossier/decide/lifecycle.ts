import { dossierNumberPattern } from '../numbering/dossier-number';
import type { DossierCommandOf } from '../commands/dossier-command';
import { dossierError } from '../errors';
import type { DossierState } from '../state';
import { totalAmountCents } from '../totals';
import { validateDossier } from '../validation/validate-dossier';
import type { DossierContext } from './context';
import { PRESAISIE_READ_ONLY_MESSAGE } from './edit-guard';
import type { Decision } from './outcome';
import { accept, illegal, missingContext, refuse } from './outcome';

/** the employer accepts a pré-saisie; from then on it is an ordinary draft. */
export function decideAcceptPresaisie(state: DossierState): Decision {
  if (state.status !== 'presaisie') return refuse(illegal(state, "L'acceptation de la pré-saisie"));
  return accept({ type: 'PresaisieAccepted', data: {} });
}

/** the employer refuses a pré-saisie, before or after accepting it, until it is transmitted. */
export function decideRefusePresaisie(
  command: DossierCommandOf<'RefusePresaisie'>,
  state: DossierState,
): Decision {
  const isPresaisie = state.origin === 'presaisie' && state.presaisieProvider !== null;
  if (!isPresaisie || (state.status !== 'presaisie' && state.status !== 'draft')) {
    return refuse(illegal(state, 'Le refus de la pré-saisie'));
  }
  return accept({
    type: 'PresaisieRefused',
    data: {
      providerSiren: state.presaisieProvider?.siren ?? '',
      reason: command.payload?.reason ?? null,
      afterAcceptance: state.status === 'draft',
    },
  });
}

/** why "Supprimer" is refused on a pré-saisie, pointing to "Refuser". */
export const PRESAISIE_NOT_DELETABLE_MESSAGE =
  'Une pré-saisie ne peut pas être supprimée : utilisez « Refuser », le prestataire en sera informé';

/**
 * the employer deletes a draft. R-39: a pré-saisie, accepted or not, is never deleted
 * silently: it leaves only by being refused, so that its provider is notified.
 */
export function decideDeleteDraft(state: DossierState): Decision {
  if (state.origin === 'presaisie' && (state.status === 'presaisie' || state.status === 'draft')) {
    return refuse(dossierError('PRESAISIE_NOT_DELETABLE', PRESAISIE_NOT_DELETABLE_MESSAGE));
  }
  if (state.status !== 'draft') return refuse(illegal(state, 'La suppression du brouillon'));
  return accept({ type: 'DraftDeleted', data: {} });
}

/**
 * transmission only when every tab is valid, else "Saisie invalide" with the invalid
 * tabs and their messages; the dossier number was reserved beforehand.
 */
export function decideTransmit(state: DossierState, context: DossierContext): Decision {
  if (state.status === 'presaisie')
    return refuse(dossierError('PRESAISIE_READ_ONLY', PRESAISIE_READ_ONLY_MESSAGE));
  if (state.status !== 'draft') return refuse(illegal(state, 'La transmission'));
  const validation = validateDossier(state);
  if (!validation.valid) {
    const invalidTabs = validation.tabs.filter((tab) => tab.status === 'invalid');
    return refuse(
      dossierError('INVALID_INPUT', `Saisie invalide : ${invalidTabs.map((tab) => tab.tab).join(', ')}`, {
        invalidTabs,
      }),
    );
  }
  if (context.dossierNumber === undefined || !dossierNumberPattern.test(context.dossierNumber)) {
    return refuse(missingContext('dossierNumber'));
  }
  return accept({
    type: 'Transmitted',
    data: { dossierNumber: context.dossierNumber, totalAmountCents: totalAmountCents(state.costLines) },
  });
}
