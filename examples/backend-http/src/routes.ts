import type { JsonSchema } from './command-schemas';

/** A success answer of a route. */
export interface RouteAnswer {
  readonly description: string;
  /** A `$ref` to a component, or an inline schema. */
  readonly schema: JsonSchema;
  /** Default `application/json`. */
  readonly mediaType?: string;
}

/**
 * One route as the service serves it and the OpenAPI document describes it: the app registers
 * exactly these (see app.ts) and the document is generated from them, so neither can list a
 * route the other lacks.
 */
export interface RouteDoc {
  readonly method: 'GET' | 'POST';
  /** Fastify's syntax (`/dossiers/:id`); the document writes `{id}`. */
  readonly url: string;
  readonly operationId: string;
  readonly summary: string;
  readonly tag: 'commandes' | 'listes' | 'dossiers' | 'exploitation';
  /** Whether the `x-user` header is required (401 without it). */
  readonly user: boolean;
  readonly params?: Readonly<Record<string, JsonSchema>>;
  readonly query?: Readonly<Record<string, JsonSchema>>;
  readonly body?: JsonSchema;
  readonly answers: Readonly<Record<number, RouteAnswer>>;
  /** Statuses answered as `application/problem+json` (besides 401 with `user`, 500 and 503). */
  readonly problems: readonly number[];
}

const ref = (name: string): JsonSchema => ({ $ref: `#/components/schemas/${name}` });
const dossierId: JsonSchema = { type: 'string', format: 'uuid', description: 'Identifiant du dossier' };
const listQuery: Readonly<Record<string, JsonSchema>> = {
  search: {
    type: 'string',
    description: 'Recherche simple : mots du numéro, de la raison sociale, du SIRET…',
  },
  type: { type: 'string', description: 'Code du type de carte (`CHRONO`, `BTP`)' },
  etat: {
    type: 'string',
    description:
      'Codes d’état séparés par des virgules (`draft,transmitted`) ou paramètre répété (`etat=draft&etat=transmitted`) : presaisie, draft, removed, transmitted, instruction, complementsRequested, complementSubmitted, granted, refused, reimbursed, closed, cancelled',
  },
  siret: { type: 'string', description: "SIRET de l'établissement" },
  page: { type: 'integer', minimum: 1, default: 1 },
};

/** A list's two routes: a page of it, and one of its rows by id or shown number. */
function listRoutes(list: 'brouillons' | 'dossiers', title: string, number: string): RouteDoc[] {
  const name = `${list[0].toUpperCase()}${list.slice(1, -1)}`; // Brouillon, Dossier
  return [
    {
      method: 'GET',
      url: `/${list}`,
      operationId: `list${name}s`,
      summary: `La liste « ${title} » de l’utilisateur`,
      tag: 'listes',
      user: true,
      query: listQuery,
      answers: { 200: { description: 'Une page de la liste (R-25)', schema: ref('ListPage') } },
      problems: [400, 403],
    },
    {
      method: 'GET',
      url: `/${list}/:id/row`,
      operationId: `${list.slice(0, -1)}Row`,
      summary: `Une ligne de « ${title} », par identifiant ou ${number}`,
      tag: 'listes',
      user: true,
      params: { id: { type: 'string', description: `Identifiant du dossier ou ${number}` } },
      answers: { 200: { description: 'La ligne, telle que la liste la montre', schema: ref('ListRow') } },
      problems: [400, 403, 404],
    },
  ];
}

/** Every route of the service. */
export const ROUTES: readonly RouteDoc[] = [
  {
    method: 'POST',
    url: '/commands',
    operationId: 'executeCommand',
    summary: 'Exécute une commande (voir docs/commands.md) ; rien n’est écrit si elle est refusée',
    tag: 'commandes',
    user: true,
    body: ref('Command'),
    answers: {
      201: { description: 'Commande appliquée', schema: ref('CommandResult') },
      200: {
        description: 'Même commande déjà appliquée (R-36) : rien de nouveau',
        schema: ref('CommandResult'),
      },
    },
    problems: [400, 403, 404, 409, 413, 415, 422, 501],
  },
  ...listRoutes('brouillons', 'Brouillons', 'numéro de brouillon'),
  ...listRoutes('dossiers', 'Dossiers', 'numéro de dossier'),
  {
    method: 'GET',
    url: '/dossiers/:id',
    operationId: 'viewDossier',
    summary: 'Tout ce que montre l’écran du dossier, en un appel (service.view)',
    tag: 'dossiers',
    user: true,
    params: { id: dossierId },
    query: { asOf: { type: 'string', description: 'Le dossier tel qu’il était à cette date (ISO 8601)' } },
    answers: { 200: { description: 'L’écran du dossier', schema: ref('DossierView') } },
    problems: [400, 403, 404],
  },
  {
    method: 'GET',
    url: '/dossiers/:id/documents/:documentId',
    operationId: 'downloadDocument',
    summary: 'Le fichier joint, vérifié contre son empreinte SHA-256 (R-20)',
    tag: 'dossiers',
    user: true,
    params: { id: dossierId, documentId: { type: 'string', format: 'uuid' } },
    answers: {
      200: {
        description: 'Le fichier (Content-Disposition, Repr-Digest)',
        schema: { type: 'string', contentMediaType: 'application/octet-stream' },
        mediaType: 'application/octet-stream',
      },
    },
    problems: [400, 403, 404],
  },
  {
    method: 'GET',
    url: '/healthz',
    operationId: 'liveness',
    summary: 'Vivant : le processus répond (ne dépend pas de la base)',
    tag: 'exploitation',
    user: false,
    answers: {
      200: {
        description: 'Le processus répond',
        schema: { type: 'object', properties: { status: { const: 'ok' } }, required: ['status'] },
      },
    },
    problems: [],
  },
  {
    method: 'GET',
    url: '/readyz',
    operationId: 'readiness',
    summary: 'Prêt : base joignable, projections à jour, pas en cours d’arrêt',
    tag: 'exploitation',
    user: false,
    answers: { 200: { description: 'Prêt à recevoir du trafic', schema: ref('Readiness') } },
    problems: [],
  },
  {
    method: 'GET',
    url: '/openapi.json',
    operationId: 'openapi',
    summary: 'Ce document',
    tag: 'exploitation',
    user: false,
    answers: { 200: { description: 'Le document OpenAPI 3.1', schema: { type: 'object' } } },
    problems: [],
  },
];
