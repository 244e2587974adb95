import type { FieldError } from '../identifiers';
import { fieldLabel } from './field-labels';
import type { TabName } from './tabs';
import type { TabStatus } from './validation/tab-status';

/** Where a refusal points in the form: the offending field's path, and the tab it sits on. */
interface FieldAndTab {
  readonly field: string;
  readonly tab: TabName;
}

/**
 * What each error code carries beside its `code` and `message` (decided from the places that
 * refuse with it): a key absent here never appears on an error of that code, so a reader
 * narrows on `code` before reading `problems` or `invalidTabs`.
 */
export interface DossierErrorDetails {
  /** FORMAT: every field that did not decode; `field` is the first one's path (absent when none is known). */
  FORMAT: { readonly field?: string; readonly problems: readonly FieldError[] };
  NOT_AUTHORISED: object;
  /** On a list or a duplication, the field that named the missing dossier. */
  DOSSIER_NOT_FOUND: { readonly field?: string };
  DOSSIER_ALREADY_EXISTS: object;
  ILLEGAL_TRANSITION: object;
  PRESAISIE_READ_ONLY: object;
  PRESAISIE_NOT_DELETABLE: object;
  EMPLOYER_IMMUTABLE: FieldAndTab;
  /** INVALID_INPUT ("Saisie invalide"): the invalid tabs and their messages. */
  INVALID_INPUT: { readonly invalidTabs: readonly TabStatus[] };
  ESTABLISHMENT_NOT_FOUND: FieldAndTab;
  PROVIDER_NOT_FOUND: FieldAndTab;
  /** The catalogue's own field error (CARD_TYPE_UNKNOWN, with the known types) in `problems`. */
  UNKNOWN_CARD_TYPE: FieldAndTab & { readonly problems: readonly FieldError[] };
  DOCUMENT_TYPE_NOT_ALLOWED: FieldAndTab;
  TOO_MANY_FILES: FieldAndTab;
  /** Field and tab when a command named the document; none on a download. */
  DOCUMENT_NOT_FOUND: { readonly field?: string; readonly tab?: TabName };
  DOCUMENT_ID_TAKEN: FieldAndTab;
  DOCUMENT_NOT_REMOVABLE: { readonly tab: TabName };
  DOCUMENT_CONTENT_UNAVAILABLE: object;
  AMOUNT_NOT_ALLOWED: { readonly field: string };
  /** A context value the service should have looked up is missing: a wiring bug. */
  MISSING_CONTEXT: object;
  CONCURRENT_CHANGE: object;
  COMMAND_ID_REUSED: { readonly field: string };
  /** Erasure before the end of the retention period (without a permitted `force`). */
  RETENTION_NOT_REACHED: object;
  FORCED_ERASURE_NOT_ALLOWED: { readonly field: string };
  /** Erasure asked of a service whose store keeps personal values in clear. */
  PERSONAL_DATA_NOT_PROTECTED: object;
  /** Erasure asked of a service without a retention policy. */
  NO_RETENTION_POLICY: object;
  /** A change to a dossier whose personal data was erased (it is frozen). */
  PERSONAL_DATA_ERASED: object;
  /** Erasure of a dossier written before its store was protected: its values are in clear in the events. */
  PERSONAL_DATA_IN_CLEAR: object;
  /** The store stayed locked by another writer: nothing was written, the same command may be retried. */
  STORE_BUSY: object;
}

/** Stable codes of the errors a dossier command can meet. */
export type DossierErrorCode = keyof DossierErrorDetails;

/** The error of one code: its code, its French message and what that code carries. */
export type DossierErrorOf<C extends DossierErrorCode> = {
  readonly code: C;
  readonly message: string;
} & DossierErrorDetails[C];

/**
 * Why a command was refused: a value, with a French message as the portal shows it; a union
 * discriminated by `code`.
 */
export type DossierError = { [C in DossierErrorCode]: DossierErrorOf<C> }[DossierErrorCode];

// What `dossierError` takes after the message: nothing for a code that carries nothing (an
// empty record, so that a stray `field` is refused), the details otherwise, optional only when
// every one of them is.
type DetailsArgument<C extends DossierErrorCode> = [keyof DossierErrorDetails[C]] extends [never]
  ? [details?: Readonly<Record<string, never>>]
  : Partial<DossierErrorDetails[C]> extends DossierErrorDetails[C]
    ? [details?: DossierErrorDetails[C]]
    : [details: DossierErrorDetails[C]];

/** Builds an error value of one code (keeps optional keys absent rather than undefined). */
export function dossierError<C extends DossierErrorCode>(
  code: C,
  message: string,
  ...[details]: DetailsArgument<C>
): DossierErrorOf<C> {
  const present = Object.entries(details ?? {}).filter(([, value]) => value !== undefined);
  // The details were checked against the code's shape by the signature; the spread loses that.
  return { code, message, ...Object.fromEntries(present) } as DossierErrorOf<C>;
}

/**
 * A FORMAT error: names the first failing field by its French label (R-43: "Email de
 * contact : ..."; its path stays in `field`), lists them all; nothing is written. `labelOf` gives
 * the labels of another request than a command's (a list's search forms).
 */
export function formatError(
  problems: readonly FieldError[],
  labelOf: (field: string) => string = fieldLabel,
): DossierErrorOf<'FORMAT'> {
  const first = problems[0];
  return dossierError('FORMAT', first ? `${labelOf(first.field)} : ${first.message}` : 'Format invalide', {
    field: first?.field,
    problems,
  });
}

/** The R-04 refusal. */
export function notAuthorised(
  message = "Vous n'êtes pas autorisé à effectuer cette action sur ce dossier",
): DossierErrorOf<'NOT_AUTHORISED'> {
  return dossierError('NOT_AUTHORISED', message);
}
