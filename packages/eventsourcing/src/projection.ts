import type { DomainEvent, RecordedEvent } from './events';
import type { EventFilter } from './store';

/** Per-type handlers of a projection: each folds one event type into the state. */
export type ProjectionHandlers<State, E extends DomainEvent> = {
  readonly [T in E['type']]?: (state: State, event: RecordedEvent<Extract<E, { type: T }>>) => State;
};

/** A pure state projection: a named, versioned fold over the events that match its filter. */
export interface ProjectionDefinition<State, E extends DomainEvent = DomainEvent> {
  readonly name: string;
  /** Bump it when the fold changes: the runner then rebuilds the projection from the start. */
  readonly version: number;
  readonly init: () => State;
  readonly evolve: (state: State, event: RecordedEvent<E>) => State;
  readonly filter?: EventFilter;
}

/** What `defineProjection` takes: `handlers` (a map by event type) or `evolve`, not both. */
export type ProjectionSpec<State, E extends DomainEvent> = Omit<ProjectionDefinition<State, E>, 'evolve'> &
  (
    | { readonly handlers: ProjectionHandlers<State, E>; readonly evolve?: never }
    | { readonly evolve: (state: State, event: RecordedEvent<E>) => State; readonly handlers?: never }
  );

/**
 * Defines a projection. With `handlers`, events of other types leave the state as it is, and
 * the filter reads only the handled types unless it names event types itself.
 */
export function defineProjection<State, E extends DomainEvent = DomainEvent>(
  spec: ProjectionSpec<State, E>,
): ProjectionDefinition<State, E> {
  if (!spec.name) throw new Error('A projection needs a name');
  if (!Number.isInteger(spec.version) || spec.version < 1) {
    throw new Error(`Projection ${spec.name}: version must be an integer of at least 1`);
  }
  if (spec.evolve)
    return {
      name: spec.name,
      version: spec.version,
      init: spec.init,
      evolve: spec.evolve,
      filter: spec.filter,
    };
  const handlers = spec.handlers as Record<
    string,
    ((state: State, event: RecordedEvent<E>) => State) | undefined
  >;
  if (!handlers) throw new Error(`Projection ${spec.name}: give handlers or evolve`);
  return {
    name: spec.name,
    version: spec.version,
    init: spec.init,
    evolve: (state, event) => handlers[event.type]?.(state, event) ?? state,
    filter: { ...spec.filter, eventTypes: spec.filter?.eventTypes ?? Object.keys(handlers) },
  };
}
