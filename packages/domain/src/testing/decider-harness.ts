import type { RecordedEvent } from '@cartes-badges/eventsourcing';
import { GENESIS_HASH } from '@cartes-badges/eventsourcing';
import { givenWhenThen, type DeciderThen } from '@cartes-badges/eventsourcing/testing';
import { defaultCatalogue } from '../catalogue';
import type {
  DossierActor,
  DossierCommand,
  DossierContext,
  DossierError,
  DossierEvent,
  DossierState,
} from '../dossier';
import { dossierDecider, evolveDossier, initialDossierState } from '../dossier';
import { DOSSIER_ID } from './commands';
import { TEST_ATTACHMENTS } from './reference-data';

/** Past events as a store would hand them back (versions from 0, metadata filled). */
export function recorded(
  events: readonly DossierEvent[],
  dossierId = DOSSIER_ID,
): RecordedEvent<DossierEvent>[] {
  return events.map(
    (event, version) =>
      ({
        ...event,
        streamId: `dossier-${dossierId}`,
        version,
        globalPosition: BigInt(version + 1),
        eventId: `00000000-0000-4000-8000-${String(version).padStart(12, '0')}`,
        recordedAt: '2025-12-03T09:30:00.000Z',
        metadata: {
          actor: { role: 'adherent', userId: 'amoa1' },
          commandId: null,
          correlationId: null,
          causationId: null,
          schemaVersion: 1,
          occurredAt: '2025-12-03T09:30:00.000Z',
          prevHash: GENESIS_HASH,
          hash: GENESIS_HASH,
        },
      }) as RecordedEvent<DossierEvent>,
  );
}

/** The state after these events. */
export function foldEvents(events: readonly DossierEvent[]): DossierState {
  return recorded(events).reduce(evolveDossier, initialDossierState());
}

/** The context the service would give for this actor (attachments of the test users, default catalogue). */
export function contextFor(actor: DossierActor, extra: Partial<DossierContext> = {}): DossierContext {
  return { catalogue: defaultCatalogue, attachments: TEST_ATTACHMENTS[actor.userId] ?? [], ...extra };
}

const dossierSpec = givenWhenThen(dossierDecider, { record: (events) => recorded(events) });

/**
 * Given/when/then on the dossier decider (the kernel's idiom, usable from any test runner):
 * given past events, when a command with the context the service would give its actor (plus
 * `extra`), then the events, the error or the state.
 */
export function givenDossier(history: readonly DossierEvent[]): {
  when(
    command: DossierCommand,
    extra?: Partial<DossierContext>,
  ): DeciderThen<DossierEvent, DossierState, DossierError>;
} {
  const given = dossierSpec.given(history);
  return { when: (command, extra = {}) => given.when(command, contextFor(command.actor, extra)) };
}
