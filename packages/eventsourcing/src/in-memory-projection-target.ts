import type { DomainEvent, GlobalPosition, RecordedEvent } from './events';
import type { ProjectionDefinition } from './projection';
import type { ProjectionTarget, StoredCheckpoint } from './projection-target';

/** What an in-memory target keeps for one projection (the "database row"). */
export interface SavedProjection<State> {
  readonly state: State;
  readonly checkpoint: StoredCheckpoint;
}

/** The memory several targets share, by projection name: survives a runner's restart. */
export type InMemoryProjectionStorage = Map<string, SavedProjection<unknown>>;

/** A projection target in memory that also gives the state (for tests, demos, analysts). */
export interface InMemoryProjectionTarget<State> extends ProjectionTarget {
  state(): State;
}

/**
 * Keeps a pure projection's state and checkpoint together, replaced in one assignment: the
 * in-memory equivalent of one transaction.
 */
export function createInMemoryProjectionTarget<State, E extends DomainEvent>(
  definition: ProjectionDefinition<State, E>,
  storage: InMemoryProjectionStorage = new Map(),
): InMemoryProjectionTarget<State> {
  const saved = (): SavedProjection<State> | undefined =>
    storage.get(definition.name) as SavedProjection<State> | undefined;
  return {
    state: () => saved()?.state ?? definition.init(),
    async readCheckpoint() {
      return saved()?.checkpoint;
    },
    async reset(version) {
      storage.set(definition.name, { state: definition.init(), checkpoint: { version } });
    },
    async applyBatch(events: readonly RecordedEvent[], checkpoint: GlobalPosition) {
      const current = saved();
      const from = current?.checkpoint.position;
      let state = current?.state ?? definition.init();
      for (const event of events) {
        if (from === undefined || event.globalPosition > from)
          state = definition.evolve(state, event as RecordedEvent<E>);
      }
      const position = from === undefined || checkpoint > from ? checkpoint : from;
      storage.set(definition.name, { state, checkpoint: { position, version: definition.version } });
    },
  };
}
