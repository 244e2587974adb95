import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { BlobStore, EventStore, ReactorLedger, WorkerLeases } from '@cartes-badges/eventsourcing';
import { createInMemoryReactorLedger } from '@cartes-badges/eventsourcing';
import type { Clock, ListReadModel, Notifier } from '@cartes-badges/domain';
import type { DossierApplication } from '@cartes-badges/lists';
import {
  brouillonsProjection,
  dossiersProjection,
  REFUSAL_NOTIFICATIONS,
  refusalNotificationsReactor,
  uuidIdGenerator,
} from '@cartes-badges/domain';
import { createFixtureDirectories } from '@cartes-badges/domain/fixtures';
import { createDossierApplication, createInMemoryListReadModel } from '@cartes-badges/lists';
import { commandRoute } from './command-route';
import { documentRoute } from './document-route';
import type { ServedRoute } from './documented-routes';
import { requireDocumentedRoutes } from './documented-routes';
import { dossierViewRoute } from './dossier-view-route';
import { healthRoutes } from './health-routes';
import type { Lifecycle } from './lifecycle';
import { trackLifecycle } from './lifecycle';
import { listRoute, rowRoute } from './list-routes';
import { openApiDocument } from './openapi';
import { problem, sendProblem } from './problem';
import type { WatchedWorker } from './readiness';
import { ROUTES } from './routes';

/** What the service is built on: the store, and optionally a clock and where notifications go. */
export interface AppOptions {
  readonly store: EventStore;
  /** Where attached files are kept; durable beside the events in `main.ts` (default: in memory). */
  readonly blobStore?: BlobStore;
  readonly clock?: Clock;
  readonly notifier?: Notifier;
  /** Durable lists and notifications ledger (default: in memory, rebuilt at each start). */
  readonly readModels?: { readonly brouillons: ListReadModel; readonly dossiers: ListReadModel };
  readonly notificationsLedger?: ReactorLedger;
  /** With several instances on one database: each list and reactor runs where its lease is held. */
  readonly leases?: WorkerLeases;
  /** Events a list or reactor may be behind the store with /readyz still 200 (default 1,000). */
  readonly maxLag?: number;
  readonly logger?: boolean;
}

/** The service, the library under it, and its lifecycle (draining on shutdown). */
export interface BuiltApp {
  readonly app: FastifyInstance;
  readonly library: DossierApplication;
  readonly lifecycle: Lifecycle;
  /** Every route the app serves (recorded as Fastify registers them). */
  readonly servedRoutes: () => readonly ServedRoute[];
}

type Handler = (request: FastifyRequest, reply: FastifyReply) => Promise<unknown>;

/**
 * The HTTP service: the routes of `routes.ts` (commands, lists and their rows, the dossier's
 * screen, its files, health, readiness, the OpenAPI document). Every error is an RFC 9457
 * problem (`application/problem+json`) with the library's code, its French message as `detail`
 * and the offending field; nothing is written when a command is refused.
 */
export async function buildApp(options: AppOptions): Promise<BuiltApp> {
  const directories = createFixtureDirectories();
  const notifier = options.notifier ?? { send: async () => undefined };
  const readModels = options.readModels ?? {
    brouillons: createInMemoryListReadModel(),
    dossiers: createInMemoryListReadModel(),
  };
  const notificationsLedger = options.notificationsLedger ?? createInMemoryReactorLedger();
  // A 20 MB file is about 27 MB in base64, plus the command around it.
  const app = Fastify({ logger: options.logger ?? false, bodyLimit: 28 * 1024 * 1024 });
  const library = createDossierApplication({
    store: options.store,
    establishments: directories.establishmentDirectory,
    providers: directories.providerDirectory,
    attachments: directories.attachments,
    providerAttachments: directories.providerAttachments,
    blobStore: options.blobStore ?? directories.blobStore,
    ids: uuidIdGenerator,
    notifier,
    readModels,
    notificationsLedger,
    runner: {
      ...(options.leases ? { leases: options.leases } : {}),
      onError: (worker, error) => app.log.warn({ err: error, worker }, 'runner stopped, restarting'),
    },
    ...(options.clock ? { clock: options.clock } : {}),
  });
  const servedRoutes = requireDocumentedRoutes(app);
  // Commands are JSON; Fastify's default text parser would hand the library a string.
  app.removeContentTypeParser('text/plain');
  library.start();
  app.addHook('onClose', async () => library.stop());
  const lifecycle = trackLifecycle(app);

  // What readiness watches: each runner's durable checkpoint and the events it applies.
  const workers: WatchedWorker[] = [
    {
      name: `${brouillonsProjection.name}+${dossiersProjection.name}`,
      filter: brouillonsProjection.filter,
      // Both lists move together (one fold per batch); the one behind decides.
      readCheckpoint: async () => {
        const [a, b] = await Promise.all([
          readModels.brouillons.readCheckpoint(),
          readModels.dossiers.readCheckpoint(),
        ]);
        return (a?.position ?? -1n) <= (b?.position ?? -1n) ? a : b;
      },
    },
    {
      name: REFUSAL_NOTIFICATIONS,
      filter: refusalNotificationsReactor({ store: options.store, notifier }).filter,
      readCheckpoint: () => notificationsLedger.readCheckpoint(),
    },
  ];

  const openApi = openApiDocument();
  const handlers: Record<string, Handler> = {
    executeCommand: commandRoute(library),
    listBrouillons: listRoute(library.brouillons),
    brouillonRow: rowRoute(library.brouillons),
    listDossiers: listRoute(library.dossiers),
    dossierRow: rowRoute(library.dossiers),
    viewDossier: dossierViewRoute(library),
    downloadDocument: documentRoute(library) as Handler,
    ...healthRoutes({
      store: options.store,
      workers,
      activeWorkers: () => library.activeWorkers(),
      draining: lifecycle.draining,
      ...(options.maxLag !== undefined ? { maxLag: options.maxLag } : {}),
      onStoreError: (error) => app.log.warn({ err: error }, 'readiness: the store did not answer'),
    }),
    openapi: async () => openApi,
  };
  // The routes the document describes, and only those: one table for both.
  for (const route of ROUTES) {
    const handler = handlers[route.operationId];
    if (handler === undefined) throw new Error(`no handler for route ${route.operationId}`);
    app.route({ method: route.method, url: route.url, handler });
  }

  app.setNotFoundHandler((request, reply) =>
    sendProblem(
      reply,
      problem('ROUTE_NOT_FOUND', `Aucune route ${request.method} ${request.url.split('?')[0]}`, request),
    ),
  );
  // Fastify's own refusals (body not JSON, too large, wrong media type) said the same way as the
  // library's; anything else is a 500 whose detail never carries an internal message.
  app.setErrorHandler((error: { statusCode?: number; code?: string; message: string }, request, reply) => {
    if (error.statusCode === 413)
      return sendProblem(reply, problem('PAYLOAD_TOO_LARGE', 'Requête trop volumineuse', request));
    if (error.statusCode === 415)
      return sendProblem(
        reply,
        problem(
          'UNSUPPORTED_MEDIA_TYPE',
          'Le corps doit être du JSON (content-type: application/json)',
          request,
          {
            field: 'content-type',
          },
        ),
      );
    if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500)
      return sendProblem(reply, problem('BAD_REQUEST', `Requête mal formée : ${error.message}`, request));
    request.log.error({ err: error }, 'unexpected error');
    return sendProblem(
      reply,
      problem('INTERNAL', 'Erreur interne : la requête n’a pas abouti, veuillez réessayer', request),
    );
  });
  return { app, library, lifecycle, servedRoutes };
}
