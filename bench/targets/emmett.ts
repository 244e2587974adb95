import {
  DeciderCommandHandler,
  getInMemoryEventStore,
  IllegalStateError,
  STREAM_DOES_NOT_EXIST,
} from '@event-driven-io/emmett';
import {
  decideDossier,
  evolveDossier,
  initialDossierState,
  type DossierCommand,
  type DossierEvent,
  type DossierState,
} from '../workloads/dossier';
import type { Target, TargetStore } from './target';

// Emmett's deciders throw to refuse a command; the shared decision is unwrapped here.
function decide(command: DossierCommand, state: DossierState): DossierEvent[] {
  const decision = decideDossier(command, state);
  if (!decision.ok) throw new IllegalStateError(decision.refusal.message);
  return decision.events;
}

const handleDossierCommand = DeciderCommandHandler<DossierState, DossierCommand, DossierEvent>({
  decide,
  evolve: evolveDossier,
  initialState: initialDossierState,
});

/** Emmett 0.42.0 on its in-memory event store, through its DeciderCommandHandler. */
export const emmettTarget: Target = {
  name: 'emmett',
  notes: [
    'Emmett 0.42.0 in-memory store (`getInMemoryEventStore`), commands through `DeciderCommandHandler`.',
    'Its in-memory store has no read across streams: the rebuild reads each stream with `readStream`.',
  ],
  // Loaded only by the store workloads, so that the in-memory runs do not carry the drivers.
  openDurable: async (location) => (await import('./emmett-durable.js')).openEmmettDurable(location),
  createStore(): TargetStore {
    const store = getInMemoryEventStore();
    return {
      async handle(streamId, command) {
        await handleDossierCommand(store, streamId, command);
      },
      async append(streamId, events, eventsInStream) {
        // Emmett's stream version is the number of events in the stream (0n: none).
        const expectedStreamVersion = eventsInStream === 0 ? STREAM_DOES_NOT_EXIST : BigInt(eventsInStream);
        await store.appendToStream<DossierEvent>(streamId, [...events], { expectedStreamVersion });
      },
      async readEverything(streamIds, visit) {
        for (const streamId of streamIds) {
          const { events } = await store.readStream<DossierEvent>(streamId);
          for (const event of events) visit(streamId, event);
        }
      },
      async foldStream(streamId) {
        const { state, currentStreamVersion } = await store.aggregateStream<DossierState, DossierEvent>(
          streamId,
          {
            evolve: evolveDossier,
            initialState: initialDossierState,
          },
        );
        return { state, events: Number(currentStreamVersion) };
      },
    };
  },
};
