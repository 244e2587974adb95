import type { FieldError } from '../identifiers';
import { fieldLabel } from './field-labels';
import type { TabName } from './tabs';
import type { TabStatus } from './validation/tab-status';

/** Stable codes of the errors a dossier command can meet. */
export type DossierErrorCode =
  | 'FORMAT'
  | 'NOT_AUTHORISED'
  | 'DOSSIER_NOT_FOUND'
  | 'DOSSIER_ALREADY_EXISTS'
  | 'ILLEGAL_TRANSITION'
  | 'PRESAISIE_READ_ONLY'
  | 'PRESAISIE_NOT_DELETABLE'
  | 'EMPLOYER_IMMUTABLE'
  | 'INVALID_INPUT'
  | 'ESTABLISHMENT_NOT_FOUND'
  | 'PROVIDER_NOT_FOUND'
  | 'UNKNOWN_CARD_TYPE'
  | 'DOCUMENT_TYPE_NOT_ALLOWED'
  | 'TOO_MANY_FILES'
  | 'DOCUMENT_NOT_FOUND'
  | 'DOCUMENT_ID_TAKEN'
  | 'DOCUMENT_NOT_REMOVABLE'
  | 'DOCUMENT_CONTENT_UNAVAILABLE'
  | 'AMOUNT_NOT_ALLOWED'
  | 'MISSING_CONTEXT'
  | 'CONCURRENT_CHANGE'
  | 'COMMAND_ID_REUSED'
  /** Erasure before the end of the retention period (without a permitted `force`). */
  | 'RETENTION_NOT_REACHED'
  | 'FORCED_ERASURE_NOT_ALLOWED'
  /** Erasure asked of a service whose store keeps personal values in clear, or without a retention policy. */
  | 'PERSONAL_DATA_NOT_PROTECTED'
  | 'NO_RETENTION_POLICY'
  /** A change to a dossier whose personal data was erased (it is frozen). */
  | 'PERSONAL_DATA_ERASED'
  /** Erasure of a dossier written before its store was protected: its values are in clear in the events. */
  | 'PERSONAL_DATA_IN_CLEAR'
  /** The store stayed locked by another writer: nothing was written, the same command may be retried. */
  | 'STORE_BUSY';

/** Why a command was refused: a value, with a French message as the portal shows it. */
export interface DossierError {
  readonly code: DossierErrorCode;
  readonly message: string;
  readonly field?: string;
  readonly tab?: TabName;
  /** FORMAT: every field that did not decode. */
  readonly problems?: readonly FieldError[];
  /** INVALID_INPUT ("Saisie invalide"): the invalid tabs and their messages. */
  readonly invalidTabs?: readonly TabStatus[];
}

/** Builds an error value (keeps optional keys absent rather than undefined). */
export function dossierError(
  code: DossierErrorCode,
  message: string,
  where: { readonly field?: string; readonly tab?: TabName } = {},
): DossierError {
  return {
    code,
    message,
    ...(where.field !== undefined ? { field: where.field } : {}),
    ...(where.tab !== undefined ? { tab: where.tab } : {}),
  };
}

/**
 * A FORMAT error: names the first failing field by its French label (R-43: "Email de
 * contact : ..."; its path stays in `field`), lists them all; nothing is written.
 */
export function formatError(problems: readonly FieldError[]): DossierError {
  const first = problems[0];
  return {
    ...dossierError('FORMAT', first ? `${fieldLabel(first.field)} : ${first.message}` : 'Format invalide', {
      ...(first ? { field: first.field } : {}),
    }),
    problems,
  };
}

/** The R-04 refusal. */
export function notAuthorised(
  message = "Vous n'êtes pas autorisé à effectuer cette action sur ce dossier",
): DossierError {
  return dossierError('NOT_AUTHORISED', message);
}
