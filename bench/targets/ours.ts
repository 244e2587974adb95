import {
  aggregateStream,
  createInMemoryEventStore,
  handleCommand,
  readAllInPages,
  type Actor,
  type Decider,
  type RecordedEvent,
} from '@cartes-badges/eventsourcing';
import { left, right } from 'fp-ts/Either';
import {
  decideDossier,
  evolveDossier,
  initialDossierState,
  type DossierCommand,
  type DossierEvent,
  type DossierRefusal,
  type DossierState,
} from '../workloads/dossier';
import type { Target, TargetStore } from './target';

// Our deciders return Either: the shared decision maps onto it one to one.
const dossierDecider: Decider<DossierCommand, DossierEvent, DossierState, void, DossierRefusal> = {
  initialState: initialDossierState,
  evolve: evolveDossier,
  decide(command, state) {
    const decision = decideDossier(command, state);
    return decision.ok ? right(decision.events) : left(decision.refusal);
  },
};

const actor: Actor = { role: 'adherent', userId: 'bench-user' };

/** Our kernel on its in-memory store, through its command handler. */
export const oursTarget: Target = {
  name: 'ours',
  notes: [
    'Ours: `createInMemoryEventStore` of @cartes-badges/eventsourcing (validation, SHA-256 hash chain, frozen copies), commands through `handleCommand` (with a command id for idempotency), the rebuild through `readAllInPages`, the long-stream fold through `aggregateStream`.',
  ],
  // Loaded only by the store workloads, so that the in-memory runs do not carry the drivers.
  openDurable: async (location) => (await import('./ours-durable.js')).openOursDurable(location),
  createStore(): TargetStore {
    const store = createInMemoryEventStore();
    let commands = 0;
    return {
      async handle(streamId, command) {
        // Every command carries an id (our handler's idempotency key); Emmett has no such key.
        const outcome = await handleCommand(store, dossierDecider, streamId, command, {
          commandId: `command-${++commands}`,
          actor,
        });
        if (outcome._tag === 'Left') throw new Error(`${streamId}: ${JSON.stringify(outcome.left)}`);
      },
      async append(streamId, events, eventsInStream) {
        // Our versions are 0-based: a stream of n events is at version n - 1.
        await store.appendToStream(streamId, events, {
          expectedVersion: eventsInStream === 0 ? 'no_stream' : eventsInStream - 1,
        });
      },
      async readEverything(_streamIds, visit) {
        // Page by page (the kernel's bulk read): one await per page, a plain loop inside it.
        for await (const page of readAllInPages(store)) {
          for (const event of page) visit(event.streamId, event as RecordedEvent<DossierEvent>);
        }
      },
      async foldStream(streamId) {
        const { state, version } = await aggregateStream(
          store,
          evolveDossier,
          initialDossierState(),
          streamId,
        );
        return { state, events: version + 1 };
      },
    };
  },
};
