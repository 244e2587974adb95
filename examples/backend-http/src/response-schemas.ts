import { PROBLEM_CODES } from './problem-types';
import type { JsonSchema } from './command-schemas';

// The answers' shapes, for the OpenAPI document. Objects stay open (no additionalProperties:
// false) where the library may add a member without breaking a client.

const amount: JsonSchema = {
  type: 'object',
  properties: { cents: { type: 'integer' }, formatted: { type: 'string', examples: ['1 234,56 €'] } },
  required: ['cents', 'formatted'],
};

/** RFC 9457 problem details with this service's extensions. */
export const PROBLEM_SCHEMA: JsonSchema = {
  type: 'object',
  description: 'RFC 9457 problem details; `detail` is the French message a portal user reads',
  properties: {
    type: { type: 'string', format: 'uri' },
    title: { type: 'string' },
    status: { type: 'integer', minimum: 400, maximum: 599 },
    detail: { type: 'string' },
    instance: { type: 'string', format: 'uri-reference' },
    code: { enum: PROBLEM_CODES },
    field: { type: 'string', description: 'The offending field: `payload.email`, `page`, `x-user`' },
    tab: { type: 'string' },
    problems: {
      type: 'array',
      items: {
        type: 'object',
        properties: { field: { type: 'string' }, code: { type: 'string' }, message: { type: 'string' } },
      },
    },
    invalidTabs: { type: 'array', items: { type: 'object' } },
  },
  required: ['type', 'title', 'status', 'detail', 'instance', 'code'],
};

/** What POST /commands answers when the command is accepted. */
export const COMMAND_RESULT_SCHEMA: JsonSchema = {
  type: 'object',
  properties: {
    dossierId: { type: 'string', format: 'uuid' },
    version: { type: 'integer' },
    alreadyHandled: { type: 'boolean', description: 'R-36: the same command id again, nothing new written' },
    events: { type: 'array', items: { type: 'string' } },
    status: { type: 'string' },
    label: { type: 'string', examples: ['Transmis'] },
    draftNumber: { type: ['integer', 'null'] },
    dossierNumber: { type: ['string', 'null'] },
    confirmation: { type: ['string', 'null'], description: 'R-38: the message a screen shows as is' },
  },
  required: ['dossierId', 'version', 'alreadyHandled', 'events', 'status', 'label'],
};

/** One row of the Brouillons or Dossiers list. */
export const LIST_ROW_SCHEMA: JsonSchema = {
  type: 'object',
  properties: {
    dossierId: { type: 'string', format: 'uuid' },
    number: { type: 'string' },
    state: { type: 'string', examples: ['En cours de saisie'] },
    cardType: { type: 'object', properties: { code: { type: 'string' }, label: { type: 'string' } } },
    company: { type: 'object' },
    provider: { type: ['object', 'null'] },
    totalHt: amount,
    actions: { type: 'array', items: { type: 'object' } },
  },
  required: ['dossierId', 'number', 'state'],
};

/** One page of a list. */
export const LIST_PAGE_SCHEMA: JsonSchema = {
  type: 'object',
  properties: {
    total: { type: 'integer', description: '« 41 résultats »' },
    page: { type: 'integer', minimum: 1 },
    pageSize: { type: 'integer' },
    pages: { type: 'integer' },
    rows: { type: 'array', items: { $ref: '#/components/schemas/ListRow' } },
  },
  required: ['total', 'page', 'pageSize', 'pages', 'rows'],
};

/** Everything a dossier screen shows (`service.view`). */
export const DOSSIER_VIEW_SCHEMA: JsonSchema = {
  type: 'object',
  properties: {
    dossierId: { type: 'string', format: 'uuid' },
    title: { type: 'string', examples: ['Brouillon n° 10001'] },
    number: { type: 'string' },
    statusLabel: { type: 'string' },
    valid: { type: 'boolean' },
    tabs: { type: 'array', items: { type: 'object' } },
    employer: { type: 'object' },
    prestation: { type: 'object' },
    synthesis: { type: 'object' },
    attestations: { type: 'array', items: { type: 'object' } },
    documents: { type: 'object' },
    instruction: { type: 'object' },
    actions: { type: 'array', items: { type: 'object' } },
    fieldLabels: { type: 'object', additionalProperties: { type: 'string' } },
  },
  required: ['dossierId', 'title', 'number', 'statusLabel', 'valid', 'tabs', 'documents', 'actions'],
};

/** The body of /readyz (200 or 503). */
export const READINESS_SCHEMA: JsonSchema = {
  type: 'object',
  properties: {
    ready: { type: 'boolean' },
    store: { enum: ['reachable', 'unreachable'] },
    draining: { type: 'boolean' },
    maxLag: { type: 'integer' },
    workers: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          name: { type: 'string' },
          active: { type: 'boolean' },
          lag: { type: 'integer' },
          behind: { type: 'boolean' },
        },
      },
    },
    reasons: { type: 'array', items: { type: 'string' } },
  },
  required: ['ready', 'store', 'draining', 'workers'],
};
