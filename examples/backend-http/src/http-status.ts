import type { DossierError, DossierErrorCode } from '@cartes-badges/domain';

// Each refusal of the library maps to the 4xx a client expects: 400 the request itself is
// malformed, 403 not yours, 404 unknown, 409 the dossier's state forbids it (or moved meanwhile),
// 422 well-formed but incomplete ("Saisie invalide") or against a business rule, 503 the store is
// busy (retry).
const STATUS: Record<DossierErrorCode, number> = {
  FORMAT: 400,
  EMPLOYER_IMMUTABLE: 400,
  UNKNOWN_CARD_TYPE: 400,
  NOT_AUTHORISED: 403,
  DOSSIER_NOT_FOUND: 404,
  ESTABLISHMENT_NOT_FOUND: 404,
  PROVIDER_NOT_FOUND: 404,
  DOCUMENT_NOT_FOUND: 404,
  DOSSIER_ALREADY_EXISTS: 409,
  ILLEGAL_TRANSITION: 409,
  PRESAISIE_READ_ONLY: 409,
  PRESAISIE_NOT_DELETABLE: 409,
  DOCUMENT_ID_TAKEN: 409,
  DOCUMENT_NOT_REMOVABLE: 409,
  DOCUMENT_CONTENT_UNAVAILABLE: 500,
  CONCURRENT_CHANGE: 409,
  COMMAND_ID_REUSED: 409,
  INVALID_INPUT: 422,
  DOCUMENT_TYPE_NOT_ALLOWED: 422,
  TOO_MANY_FILES: 422,
  AMOUNT_NOT_ALLOWED: 422,
  MISSING_CONTEXT: 422,
  STORE_BUSY: 503,
  // Erasure: not yet allowed by the retention policy (409), forcing not permitted (403), the
  // service not set up for it (501: the embedding's configuration, not the caller's request).
  RETENTION_NOT_REACHED: 409,
  FORCED_ERASURE_NOT_ALLOWED: 403,
  PERSONAL_DATA_NOT_PROTECTED: 501,
  NO_RETENTION_POLICY: 501,
  PERSONAL_DATA_ERASED: 409,
};

/** The HTTP status of a refused command. */
export function statusOf(error: DossierError): number {
  return STATUS[error.code] ?? 400;
}
