import type { Either } from 'fp-ts/Either';
import { CommandIdReusedError, ConcurrencyError } from '../errors';

/** The type of a command as spans and metrics name it: its `type` (else `kind`) field, else 'unknown'. */
export function commandTypeOf(command: unknown): string {
  if (typeof command !== 'object' || command === null) return 'unknown';
  const { type, kind } = command as { type?: unknown; kind?: unknown };
  if (typeof type === 'string' && type.length > 0) return type;
  return typeof kind === 'string' && kind.length > 0 ? kind : 'unknown';
}

/** How a command ended, as the span's outcome attribute says it, with the refusal's code. */
export interface CommandOutcome {
  readonly name: 'appended' | 'no_change' | 'already_handled' | 'refused' | 'conflict' | 'command_id_reused';
  readonly code?: string;
}

/** Names the outcome of handleCommand (a thrown error is recorded by the span itself). */
export function commandOutcome(
  outcome: Either<unknown, { readonly alreadyHandled: boolean; readonly events: readonly unknown[] }>,
): CommandOutcome {
  if (outcome._tag === 'Right') {
    if (outcome.right.alreadyHandled) return { name: 'already_handled' };
    return { name: outcome.right.events.length === 0 ? 'no_change' : 'appended' };
  }
  const error = outcome.left;
  if (error instanceof ConcurrencyError) return { name: 'conflict' };
  if (error instanceof CommandIdReusedError) return { name: 'command_id_reused' };
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return { name: 'refused', ...(typeof code === 'string' ? { code } : {}) };
}
