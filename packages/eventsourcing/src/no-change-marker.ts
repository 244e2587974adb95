import type { DomainEvent } from './events';

/**
 * The type of the event `handleCommand` appends for a command that decided no event (R-36 for
 * no-ops): it records the command id in the stream, so that a retry after later changes gets
 * the earlier outcome ("nothing changed") instead of being decided again and undoing them.
 * Its data is `{}`; it is hash-chained like any event. The kernel keeps it away from folds:
 * the read pipeline neither upcasts nor decodes it, `handleCommand`, `aggregateStream` and
 * `replayStream` never give it to `evolve`, and the projection runner never gives it to a
 * projection or reactor (their checkpoints still move past it).
 */
export const NO_CHANGE_EVENT_TYPE = 'kernel.NoChange';

/** The marker event of a command that changed nothing. */
export const NO_CHANGE_EVENT: DomainEvent<typeof NO_CHANGE_EVENT_TYPE, Record<string, never>> = Object.freeze(
  { type: NO_CHANGE_EVENT_TYPE, data: Object.freeze({}) },
);

/** True for the kernel's marker of a command that changed nothing (never a domain event). */
export function isNoChangeMarker(event: { readonly type: string }): boolean {
  return event.type === NO_CHANGE_EVENT_TYPE;
}
