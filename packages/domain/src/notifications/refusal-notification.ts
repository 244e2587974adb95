import type { RecordedEvent } from '@cartes-badges/eventsourcing';
import type { PresaisieRefused } from '../dossier/events';
import type { DossierState } from '../dossier/state';
import type { PresaisieRefusedNotification } from './notifier';

/**
 * the notification of a refusal, from the event and the dossier as it was then: the
 * draft number, the employer and the reason when one was given, in French.
 */
export function refusalNotification(
  event: RecordedEvent<PresaisieRefused>,
  dossier: DossierState,
  key: string = event.eventId,
): PresaisieRefusedNotification {
  const provider = dossier.presaisieProvider;
  const employer = dossier.establishment;
  const number = dossier.draftNumber === null ? '' : ` n° ${dossier.draftNumber}`;
  const who = employer === null ? "L'employeur" : `L'employeur ${employer.name} (SIRET ${employer.siret})`;
  const when = event.data.afterAcceptance ? " après l'avoir acceptée" : '';
  const reason =
    event.data.reason === null || event.data.reason.trim() === ''
      ? ''
      : ` Motif : ${event.data.reason.trim()}`;
  return {
    kind: 'PresaisieRefused',
    key,
    recipient: {
      siren: event.data.providerSiren,
      siret: provider?.siret ?? null,
      name: provider?.name ?? null,
    },
    dossierId: dossier.dossierId ?? event.streamId.slice('dossier-'.length),
    draftNumber: dossier.draftNumber,
    employer: employer === null ? null : { name: employer.name, siret: employer.siret },
    reason: event.data.reason,
    afterAcceptance: event.data.afterAcceptance,
    refusedAt: event.metadata.occurredAt,
    subject: `Pré-saisie${number} refusée`,
    message: `${who} a refusé votre pré-saisie${number}${when}.${reason}`,
  };
}
