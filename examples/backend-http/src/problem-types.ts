import type { DossierErrorCode } from '@cartes-badges/domain';

/** The codes this service answers besides the library's own refusals. */
export type HttpProblemCode =
  | 'UNAUTHENTICATED'
  | 'ROUTE_NOT_FOUND'
  | 'BAD_REQUEST'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'SHUTTING_DOWN'
  | 'NOT_READY'
  | 'INTERNAL';

/** Every `code` a problem may carry. */
export type ProblemCode = DossierErrorCode | HttpProblemCode;

/** How one kind of problem is answered: its status and its title (the same for every occurrence, RFC 9457 §3.1.3). */
export interface ProblemType {
  readonly status: number;
  readonly title: string;
}

// One row per code: 400 the request itself is malformed, 401 no known user, 403 not yours,
// 404 unknown, 409 the dossier's state forbids it (or it moved meanwhile), 422 well-formed but
// incomplete ("Saisie invalide") or against a business rule, 503 retry later. The titles are
// French because a portal user may read them; `detail` says what happened this time.
export const PROBLEM_TYPES: Readonly<Record<ProblemCode, ProblemType>> = {
  FORMAT: { status: 400, title: 'Saisie mal formée' },
  EMPLOYER_IMMUTABLE: { status: 400, title: "L'employeur ne peut pas être changé" },
  UNKNOWN_CARD_TYPE: { status: 400, title: 'Type de carte inconnu' },
  NOT_AUTHORISED: { status: 403, title: 'Action non autorisée' },
  DOSSIER_NOT_FOUND: { status: 404, title: 'Dossier introuvable' },
  ESTABLISHMENT_NOT_FOUND: { status: 404, title: 'Établissement introuvable' },
  PROVIDER_NOT_FOUND: { status: 404, title: 'Prestataire introuvable' },
  DOCUMENT_NOT_FOUND: { status: 404, title: 'Document introuvable' },
  DOSSIER_ALREADY_EXISTS: { status: 409, title: 'Le dossier existe déjà' },
  ILLEGAL_TRANSITION: { status: 409, title: "L'état du dossier ne le permet pas" },
  PRESAISIE_READ_ONLY: { status: 409, title: 'Pré-saisie en lecture seule' },
  PRESAISIE_NOT_DELETABLE: { status: 409, title: 'Pré-saisie non supprimable' },
  DOCUMENT_ID_TAKEN: { status: 409, title: 'Identifiant de document déjà utilisé' },
  DOCUMENT_NOT_REMOVABLE: { status: 409, title: 'Document non supprimable' },
  CONCURRENT_CHANGE: { status: 409, title: 'Modification concurrente' },
  COMMAND_ID_REUSED: { status: 409, title: 'Identifiant de commande déjà utilisé' },
  INVALID_INPUT: { status: 422, title: 'Saisie invalide' },
  DOCUMENT_TYPE_NOT_ALLOWED: { status: 422, title: 'Type de document non admis' },
  TOO_MANY_FILES: { status: 422, title: 'Trop de fichiers' },
  AMOUNT_NOT_ALLOWED: { status: 422, title: 'Montant non admis' },
  // The service was wired without a value `decide` needs: a bug of the embedding, never of the
  // caller's request, so a 500 (a 422 would tell the caller to change what they sent).
  MISSING_CONTEXT: { status: 500, title: 'Service mal configuré' },
  DOCUMENT_CONTENT_UNAVAILABLE: { status: 500, title: 'Contenu du document indisponible' },
  STORE_BUSY: { status: 503, title: 'Service momentanément occupé' },
  // Erasure: not yet allowed by the retention policy (409), forcing not permitted (403), the
  // service not set up for it (501: the embedding's configuration, not the caller's request).
  RETENTION_NOT_REACHED: { status: 409, title: 'Durée de conservation non atteinte' },
  FORCED_ERASURE_NOT_ALLOWED: { status: 403, title: 'Effacement anticipé non autorisé' },
  PERSONAL_DATA_NOT_PROTECTED: { status: 501, title: 'Effacement non configuré' },
  NO_RETENTION_POLICY: { status: 501, title: 'Aucune politique de conservation' },
  PERSONAL_DATA_ERASED: { status: 409, title: 'Données personnelles effacées' },
  PERSONAL_DATA_IN_CLEAR: {
    status: 409,
    title: 'Dossier écrit avant la protection des données personnelles',
  },
  UNAUTHENTICATED: { status: 401, title: 'Utilisateur non identifié' },
  ROUTE_NOT_FOUND: { status: 404, title: 'Adresse inconnue' },
  BAD_REQUEST: { status: 400, title: 'Requête mal formée' },
  PAYLOAD_TOO_LARGE: { status: 413, title: 'Requête trop volumineuse' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, title: 'Type de contenu non admis' },
  SHUTTING_DOWN: { status: 503, title: 'Service en cours d’arrêt' },
  NOT_READY: { status: 503, title: 'Service pas prêt' },
  INTERNAL: { status: 500, title: 'Erreur interne' },
};

/** Every problem code, for the OpenAPI document's enum. */
export const PROBLEM_CODES = Object.keys(PROBLEM_TYPES) as ProblemCode[];
