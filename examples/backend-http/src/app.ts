import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { BlobStore, EventStore } from '@cartes-badges/eventsourcing';
import type { Clock, DossierApplication, ListFilters, ListQueries, Notifier } from '@cartes-badges/domain';
import {
  createDossierApplication,
  createFixtureDirectories,
  dossierStatusLabel,
  synthesisOf,
  uuidIdGenerator,
} from '@cartes-badges/domain';
import * as E from 'fp-ts/Either';
import { actorOf, unauthenticated } from './caller';
import { documentRoute } from './document-route';
import { statusOf } from './http-status';

/** What the service is built on: the store, and optionally a clock and where notifications go. */
export interface AppOptions {
  readonly store: EventStore;
  /** Where attached files are kept; durable beside the events in `main.ts` (default: in memory). */
  readonly blobStore?: BlobStore;
  readonly clock?: Clock;
  readonly notifier?: Notifier;
  readonly logger?: boolean;
}

// Files travel as base64 in JSON (`contentBase64`); the library takes bytes.
function withBytes(body: unknown): unknown {
  if (typeof body !== 'object' || body === null) return body;
  const payload = (body as { payload?: { contentBase64?: unknown } }).payload;
  if (!payload || typeof payload.contentBase64 !== 'string') return body;
  const { contentBase64, ...rest } = payload;
  return {
    ...body,
    payload: { ...rest, content: new Uint8Array(Buffer.from(contentBase64 as string, 'base64')) },
  };
}

interface ListQuery {
  readonly search?: string;
  readonly type?: string;
  readonly etat?: string;
  readonly siret?: string;
  readonly page?: string;
}

function listRoute(queries: ListQueries) {
  return async (request: FastifyRequest<{ Querystring: ListQuery }>, reply: FastifyReply) => {
    const actor = actorOf(request);
    if (!actor) return unauthenticated(reply);
    const q = request.query;
    const filters = {
      ...(q.type !== undefined ? { cardType: q.type } : {}),
      ...(q.etat !== undefined ? { state: q.etat.split(',') } : {}),
      ...(q.siret !== undefined ? { siret: q.siret } : {}),
    } as ListFilters;
    const page = await queries.list({
      actor,
      ...(q.search !== undefined ? { search: q.search } : {}),
      filters,
      page: q.page === undefined ? 1 : Number(q.page),
    });
    if (E.isLeft(page)) return reply.code(statusOf(page.left)).send(page.left);
    return page.right;
  };
}

/**
 * The HTTP service: POST /commands, GET /brouillons, GET /dossiers, GET /dossiers/:id,
 * GET /dossiers/:id/documents/:documentId (the attached file itself). Refusals
 * are 4xx JSON bodies `{ code, message, field?, tab?, problems?, invalidTabs? }` with the French
 * messages of the portal; nothing is written when a command is refused.
 */
export async function buildApp(
  options: AppOptions,
): Promise<{ app: FastifyInstance; library: DossierApplication }> {
  const directories = createFixtureDirectories();
  const library = createDossierApplication({
    store: options.store,
    establishments: directories.establishmentDirectory,
    providers: directories.providerDirectory,
    attachments: directories.attachments,
    providerAttachments: directories.providerAttachments,
    blobStore: options.blobStore ?? directories.blobStore,
    ids: uuidIdGenerator,
    notifier: options.notifier ?? { send: async () => undefined },
    ...(options.clock ? { clock: options.clock } : {}),
  });
  library.start();
  const app = Fastify({ logger: options.logger ?? false });
  app.addHook('onClose', async () => library.stop());

  app.post('/commands', async (request, reply) => {
    const actor = actorOf(request);
    if (!actor) return unauthenticated(reply);
    const body = withBytes(request.body);
    const command = typeof body === 'object' && body !== null ? { ...body, actor } : body;
    const result = await library.service.execute(command);
    if (E.isLeft(result)) return reply.code(statusOf(result.left)).send(result.left);
    // Read your writes: the lists have caught up with this command before the client asks them.
    await library.whenIdle();
    const { dossierId, version, alreadyHandled, events, state } = result.right;
    return reply.code(alreadyHandled ? 200 : 201).send({
      dossierId,
      version,
      alreadyHandled,
      events: events.map((e) => e.type),
      status: state.status,
      label: dossierStatusLabel(state),
      draftNumber: state.draftNumber,
      dossierNumber: state.dossierNumber,
    });
  });

  app.get('/brouillons', listRoute(library.brouillons));
  app.get('/dossiers', listRoute(library.dossiers));

  app.get('/dossiers/:id', async (request: FastifyRequest<{ Params: { id: string } }>, reply) => {
    const actor = actorOf(request);
    if (!actor) return unauthenticated(reply);
    const state = await library.service.load(request.params.id, actor);
    if (E.isLeft(state)) return reply.code(statusOf(state.left)).send(state.left);
    const tabs = await library.service.tabs(request.params.id, actor);
    return {
      dossierId: request.params.id,
      label: dossierStatusLabel(state.right),
      synthesis: synthesisOf(state.right),
      tabs: E.isRight(tabs) ? tabs.right : null,
      state: state.right,
    };
  });

  app.get('/dossiers/:id/documents/:documentId', documentRoute(library));

  // A body that is not JSON is the client's error, said the same way as the library's.
  app.setErrorHandler((error: { statusCode?: number; message: string }, _request, reply) => {
    const status = error.statusCode !== undefined && error.statusCode < 500 ? error.statusCode : 500;
    return reply
      .code(status)
      .send({ code: status < 500 ? 'BAD_REQUEST' : 'INTERNAL', message: error.message });
  });
  return { app, library };
}
