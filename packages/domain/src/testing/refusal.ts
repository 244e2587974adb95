import { AssertionError } from 'node:assert';
import type { Either } from 'fp-ts/Either';
import { assertLeft } from '@cartes-badges/eventsourcing/testing';
import type { DossierError, DossierErrorCode, DossierErrorOf } from '../dossier';

/**
 * `error`, checked to be of `code` and typed as that code's error (so that a test reads
 * `problems` or `invalidTabs` where they exist); an `AssertionError` naming the code found otherwise.
 */
export function assertErrorCode<C extends DossierErrorCode>(error: DossierError, code: C): DossierErrorOf<C> {
  if (error.code !== code) {
    throw new AssertionError({
      message: `Expected a refusal ${code}, got ${error.code}: ${error.message}`,
      actual: error.code,
      expected: code,
      operator: 'assertErrorCode',
      stackStartFn: assertErrorCode,
    });
  }
  // The code was just compared; TypeScript does not narrow a union by a generic code.
  return error as DossierErrorOf<C>;
}

/** The refusal in `result`, checked to be of `code` and typed as that code's error (see `assertErrorCode`). */
export function assertRefusal<C extends DossierErrorCode>(
  result: Either<DossierError, unknown>,
  code: C,
): DossierErrorOf<C> {
  return assertErrorCode(assertLeft(result), code);
}
