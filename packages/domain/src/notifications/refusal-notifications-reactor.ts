import type { EventStore, ReactorDefinition, RecordedEvent, RetryPolicy } from '@cartes-badges/eventsourcing';
import { defineReactor } from '@cartes-badges/eventsourcing';
import type { DossierEvent, PresaisieRefused } from '../dossier/events';
import { evolveDossier } from '../dossier/evolve';
import type { DossierState } from '../dossier/state';
import { initialDossierState } from '../dossier/state';
import type { Notifier } from './notifier';
import { refusalNotification } from './refusal-notification';

/** The name (and ledger key) of the refusal notifications reactor. */
export const REFUSAL_NOTIFICATIONS = 'presaisie-refusal-notifications';

/** The dossier as it was up to (and including) an event: the notification says what was refused. */
async function dossierAt(store: EventStore, event: RecordedEvent): Promise<DossierState> {
  let state = initialDossierState();
  for await (const read of store.readStream(event.streamId, { maxCount: event.version + 1 })) {
    state = evolveDossier(state, read as RecordedEvent<DossierEvent>);
  }
  return state;
}

/**
 * on each PresaisieRefused (before or after acceptance) notify the provider.
 * Run it on the kernel's reactor runner: retried with backoff when the notifier fails, recorded
 * in the ledger once sent, the event id passed as the notifier's dedupe key.
 */
export function refusalNotificationsReactor(deps: {
  readonly store: EventStore;
  readonly notifier: Notifier;
  readonly retry?: RetryPolicy;
}): ReactorDefinition<PresaisieRefused> {
  return defineReactor<PresaisieRefused>({
    name: REFUSAL_NOTIFICATIONS,
    filter: { streamPrefix: 'dossier-', eventTypes: ['PresaisieRefused'] },
    retry: deps.retry,
    async react(event, key) {
      const dossier = await dossierAt(deps.store, event);
      await deps.notifier.send(refusalNotification(event, dossier, key));
    },
  });
}
