import type { DossierCommandOf } from '../commands/dossier-command';
import { dossierError } from '../errors';
import { personalFieldNames } from '../personal-data';
import type { DossierState } from '../state';
import { dossierStatusLabel } from '../state';
import type { DossierContext } from './context';
import type { Decision } from './outcome';
import { accept, missingContext, refuse } from './outcome';

const DAY_MS = 24 * 60 * 60 * 1000;

const frenchDate = (iso: string): string => iso.slice(0, 10).split('-').reverse().join('/');

/**
 * Erasure of a dossier's personal data: once its life is over (removed, closed, cancelled) and
 * the retention period has run from then; before, only with `force` where the policy allows
 * it. Erasing an erased dossier decides nothing (a retry never writes a second event).
 */
export function decideErasure(
  command: DossierCommandOf<'ErasePersonalData'>,
  state: DossierState,
  context: DossierContext,
): Decision {
  if (state.personalDataErasedAt !== null) return accept();
  const policy = context.erasure;
  if (!policy) return refuse(missingContext('politique de conservation (erasure)'));
  const forced = command.payload.force === true;
  if (forced && !policy.allowForced) {
    return refuse(
      dossierError(
        'FORCED_ERASURE_NOT_ALLOWED',
        "L'effacement avant la fin de la durée de conservation n'est pas permis par la politique de conservation de ce service : rien n'a été effacé",
        { field: 'payload.force' },
      ),
    );
  }
  if (!forced) {
    if (state.endedAt === null) {
      return refuse(
        dossierError(
          'RETENTION_NOT_REACHED',
          `Le dossier est dans l'état « ${dossierStatusLabel(state)} » : ses données personnelles sont conservées jusqu'à ${policy.retentionDays} jours après sa clôture, son annulation ou sa suppression ; rien n'a été effacé`,
        ),
      );
    }
    const allowedFrom = new Date(Date.parse(state.endedAt) + policy.retentionDays * DAY_MS).toISOString();
    if (Date.parse(policy.now) < Date.parse(allowedFrom)) {
      return refuse(
        dossierError(
          'RETENTION_NOT_REACHED',
          `Durée de conservation non échue : le dossier a pris fin le ${frenchDate(state.endedAt)}, ses données personnelles sont conservées ${policy.retentionDays} jours, jusqu'au ${frenchDate(allowedFrom)} ; rien n'a été effacé`,
        ),
      );
    }
  }
  return accept({
    type: 'PersonalDataErased',
    data: {
      reason: command.payload.reason,
      fields: personalFieldNames(),
      retentionDays: policy.retentionDays,
      forced,
    },
  });
}
