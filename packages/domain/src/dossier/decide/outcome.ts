import * as E from 'fp-ts/Either';
import type { DossierError } from '../errors';
import { dossierError } from '../errors';
import type { DossierEvent } from '../events';
import type { DossierState } from '../state';
import { dossierStatusLabel } from '../state';

/** What a decision returns: the new events, or why not. */
export type Decision = E.Either<DossierError, DossierEvent[]>;

// The one style of the decide functions: guard clauses that `return refuse(error)`, then
// `return accept(...events)`. A check shared by several of them returns the DossierError (or
// undefined when it passes) and its caller refuses with it; none hands an Either back to chain.

/** Accept with these events (none: the command changes nothing). */
export const accept = (...events: DossierEvent[]): Decision => E.right(events);

/** Refuse with this error: the one way the decide functions refuse. */
export const refuse = (error: DossierError): Decision => E.left(error);

/** The dossier is not in a state where this move is possible (R-35: illegal moves refused). */
export function illegal(state: DossierState, action: string): DossierError {
  return dossierError(
    'ILLEGAL_TRANSITION',
    `${action} est impossible : le dossier est dans l'état « ${dossierStatusLabel(state)} »`,
  );
}

/** A context value the service should have looked up is missing: a wiring bug, reported as a value. */
export function missingContext(what: string): DossierError {
  return dossierError('MISSING_CONTEXT', `Donnée de contexte manquante pour décider : ${what}`);
}
