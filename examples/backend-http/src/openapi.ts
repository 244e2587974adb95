import { DOSSIER_COMMAND_TYPES } from '@cartes-badges/domain';
import type { JsonSchema } from './command-schemas';
import { commandSchemas } from './command-schemas';
import { KNOWN_USERS } from './caller';
import { PROBLEM_MEDIA_TYPE } from './problem';
import { PROBLEM_TYPES } from './problem-types';
import {
  COMMAND_RESULT_SCHEMA,
  DOSSIER_VIEW_SCHEMA,
  LIST_PAGE_SCHEMA,
  LIST_ROW_SCHEMA,
  PROBLEM_SCHEMA,
  READINESS_SCHEMA,
} from './response-schemas';
import type { RouteDoc } from './routes';
import { ROUTES } from './routes';

/** The OpenAPI path of a Fastify route (`/dossiers/:id` → `/dossiers/{id}`). */
export function openApiPath(url: string): string {
  return url.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
}

const problemResponse = (status: number): JsonSchema => ({
  description:
    Object.values(PROBLEM_TYPES)
      .filter((t) => t.status === status)
      .map((t) => t.title)
      .join(' ; ') || `Erreur ${status}`,
  content: { [PROBLEM_MEDIA_TYPE]: { schema: { $ref: '#/components/schemas/Problem' } } },
});

function operation(route: RouteDoc): JsonSchema {
  const parameters = [
    ...Object.entries(route.params ?? {}).map(([name, schema]) => ({
      name,
      in: 'path',
      required: true,
      schema,
    })),
    ...Object.entries(route.query ?? {}).map(([name, schema]) => ({
      name,
      in: 'query',
      required: false,
      schema,
    })),
  ];
  // Every route may answer 500, and 503 (shutting down, store busy); user routes 401 too.
  const problems = [...new Set([...route.problems, ...(route.user ? [401] : []), 500, 503])].sort();
  return {
    operationId: route.operationId,
    summary: route.summary,
    tags: [route.tag],
    ...(route.user ? { security: [{ xUser: [] }] } : {}),
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(route.body
      ? { requestBody: { required: true, content: { 'application/json': { schema: route.body } } } }
      : {}),
    responses: {
      ...Object.fromEntries(
        Object.entries(route.answers).map(([status, answer]) => [
          status,
          {
            description: answer.description,
            content: { [answer.mediaType ?? 'application/json']: { schema: answer.schema } },
          },
        ]),
      ),
      ...Object.fromEntries(problems.map((status) => [String(status), problemResponse(status)])),
    },
  };
}

/**
 * The service's OpenAPI 3.1 document: its paths from the route table (the same the app
 * registers), each command's body from the library's io-ts codecs through the walker that also
 * writes docs/commands.md. Served at GET /openapi.json.
 */
export function openApiDocument(): JsonSchema {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const route of ROUTES) {
    const path = openApiPath(route.url);
    paths[path] = { ...paths[path], [route.method.toLowerCase()]: operation(route) };
  }
  const commands = commandSchemas();
  return {
    openapi: '3.1.0',
    info: {
      title: 'Cartes et badges : service HTTP',
      version: '0.1.0',
      description:
        'Les demandes « Cartes et badges » : commandes, listes, écran du dossier. Erreurs en application/problem+json (RFC 9457).',
    },
    tags: [
      { name: 'commandes' },
      { name: 'listes' },
      { name: 'dossiers' },
      { name: 'exploitation', description: 'Santé, disponibilité, ce document' },
    ],
    paths,
    components: {
      securitySchemes: {
        xUser: {
          type: 'apiKey',
          in: 'header',
          name: 'x-user',
          description: `L'utilisateur qui agit (démonstration : ${KNOWN_USERS.join(', ')}) ; l'authentification est celle de l'application qui embarque le service`,
        },
      },
      schemas: {
        Command: {
          oneOf: DOSSIER_COMMAND_TYPES.map((type) => ({ $ref: `#/components/schemas/${type}` })),
          discriminator: { propertyName: 'type' },
        },
        ...commands,
        CommandResult: COMMAND_RESULT_SCHEMA,
        ListRow: LIST_ROW_SCHEMA,
        ListPage: LIST_PAGE_SCHEMA,
        DossierView: DOSSIER_VIEW_SCHEMA,
        Readiness: READINESS_SCHEMA,
        Problem: PROBLEM_SCHEMA,
      },
    },
  };
}
