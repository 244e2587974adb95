import type { EventStore, RecordedEvent } from '@cartes-badges/eventsourcing';
import { aggregateStream } from '@cartes-badges/eventsourcing';
import type { DossierEvent } from '../dossier/events';
import { dossierStreamId } from '../dossier/derived-ids';
import { evolveDossier } from '../dossier/evolve';
import type { DossierState } from '../dossier/state';
import { initialDossierState } from '../dossier/state';

/**
 * Folds a dossier's stream into its state (the initial state when the stream does not exist);
 * with `asOf` (an ISO-8601 instant), only the events that had occurred by then.
 */
export async function foldDossier(
  store: EventStore,
  dossierId: string,
  asOf?: string,
): Promise<DossierState> {
  if (asOf !== undefined) {
    const { state } = await aggregateStream<DossierEvent, DossierState>(
      store,
      evolveDossier,
      initialDossierState(),
      dossierStreamId(dossierId),
      { asOf },
    );
    return state;
  }
  let state = initialDossierState();
  for await (const event of store.readStream(dossierStreamId(dossierId))) {
    state = evolveDossier(state, event as RecordedEvent<DossierEvent>);
  }
  return state;
}
