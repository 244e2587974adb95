import { isIsoDateOrInstant, isIsoInstant } from '@cartes-badges/eventsourcing';
import * as E from 'fp-ts/Either';
import type { DossierError } from '../dossier/errors';
import { formatError } from '../dossier/errors';
import { describeValue, fieldError } from '../identifiers';

/**
 * Reads the `asOf` of `load` and `view`: an ISO-8601 date (the end of that day, UTC, as the
 * CLI's `history --at`) or an instant with its offset; anything else is a FORMAT error on
 * `asOf`. Undefined stays undefined (now).
 */
export function asOfInstant(asOf: unknown): E.Either<DossierError, string | undefined> {
  if (asOf === undefined) return E.right(undefined);
  if (isIsoInstant(asOf)) return E.right(new Date(asOf).toISOString());
  // What is left that the kernel accepts is a day alone (a day that exists: not 30 February).
  if (isIsoDateOrInstant(asOf)) return E.right(`${asOf}T23:59:59.999Z`);
  return E.left(
    formatError([
      fieldError(
        'AS_OF_FORMAT',
        'asOf',
        `Date ISO-8601 attendue, par exemple 2025-12-03 ou 2025-12-03T10:00:00Z (reçu : ${describeValue(asOf)})`,
      ),
    ]),
  );
}
