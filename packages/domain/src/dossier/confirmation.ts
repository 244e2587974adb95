import type { DossierEvent } from './events';

/** the message the portal shows once a dossier is transmitted, naming its number. */
export function transmissionConfirmation(dossierNumber: string): string {
  return `Votre demande n° ${dossierNumber} a bien été transmise.`;
}

/**
 * what a screen shows after a command, from the events it appended (or had appended,
 * for a retry, so that a retried transmission gives the same message); null when the command
 * has no confirmation of its own.
 */
export function confirmationOf(events: readonly DossierEvent[]): string | null {
  for (const event of events) {
    if (event.type === 'Transmitted') return transmissionConfirmation(event.data.dossierNumber);
  }
  return null;
}
