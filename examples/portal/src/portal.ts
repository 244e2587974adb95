import formBody from '@fastify/formbody';
import multipart from '@fastify/multipart';
import Fastify, { type FastifyInstance } from 'fastify';
import type { BlobStore, EventStore } from '@cartes-badges/eventsourcing';
import type { Clock, ListReadModel, RecordingNotifier } from '@cartes-badges/domain';
import type { DossierApplication } from '@cartes-badges/lists';
import { createDossierApplication } from '@cartes-badges/lists';
import { createRecordingNotifier, MAX_FILE_SIZE_BYTES, uuidIdGenerator } from '@cartes-badges/domain';
import { createFixtureDirectories } from '@cartes-badges/domain/fixtures';
import { creationRoutes } from './creation-routes';
import { documentRoutes } from './document-routes';
import { dossierRoutes } from './dossier-routes';
import { historyRoute } from './history-route';
import { html } from './html';
import { listRoutes } from './list-routes';
import { providerRoutes } from './provider-routes';
import { sendPage } from './respond';
import { signInRoutes } from './sign-in-routes';

/** What the portal runs on. */
export interface PortalOptions {
  readonly store: EventStore;
  /** Where attached files are kept (default: in memory). */
  readonly blobStore?: BlobStore;
  /** Durable lists (default: in memory, folded again at each start). */
  readonly readModels?: { readonly brouillons: ListReadModel; readonly dossiers: ListReadModel };
  readonly clock?: Clock;
  readonly logger?: boolean;
}

/** The portal, the library under it, and the notifications the providers read in it. */
export interface Portal {
  readonly app: FastifyInstance;
  readonly library: DossierApplication;
  readonly notifier: RecordingNotifier;
}

/**
 * The reference portal: the guide's screens rendered on the server from the library's public
 * API (`service.view`, `execute`, the lists), plain HTML forms that work without JavaScript
 * (POST, then a redirect to the page that shows the outcome).
 */
export async function buildPortal(options: PortalOptions): Promise<Portal> {
  const directories = createFixtureDirectories();
  // The providers' notifications (R-31): kept in memory and shown on their Notifications page;
  // its reactor's ledger is in memory too, so both are rebuilt together at each start.
  const notifier = createRecordingNotifier();
  const library = createDossierApplication({
    store: options.store,
    establishments: directories.establishmentDirectory,
    providers: directories.providerDirectory,
    attachments: directories.attachments,
    providerAttachments: directories.providerAttachments,
    blobStore: options.blobStore ?? directories.blobStore,
    ids: uuidIdGenerator,
    notifier,
    ...(options.readModels ? { readModels: options.readModels } : {}),
    ...(options.clock ? { clock: options.clock } : {}),
  });
  const app = Fastify({ logger: options.logger ?? false });
  await app.register(formBody);
  // One file per upload; a little above the library's 20 MB so that the library says it.
  await app.register(multipart, { limits: { files: 1, fields: 5, fileSize: MAX_FILE_SIZE_BYTES + 1 } });
  library.start();
  app.addHook('onClose', async () => library.stop());

  signInRoutes(app);
  listRoutes(app, library);
  creationRoutes(app, library);
  dossierRoutes(app, library);
  documentRoutes(app, library);
  providerRoutes(app, library, notifier);
  historyRoute(app, library, options.store);

  app.setNotFoundHandler((request, reply) =>
    sendPage(
      request,
      reply,
      'Page introuvable',
      html`<h1>Page introuvable</h1>
        <p><a href="/">Retour à l'accueil</a></p>`,
      404,
    ),
  );
  app.setErrorHandler((error: { statusCode?: number; code?: string; message: string }, request, reply) => {
    const tooLarge = error.statusCode === 413 || error.code === 'FST_REQ_FILE_TOO_LARGE';
    if (!tooLarge) request.log.error({ err: error }, 'unexpected error');
    const text = tooLarge
      ? 'Fichier trop volumineux : 20 Mo au plus'
      : 'La demande n’a pas abouti : veuillez réessayer';
    return sendPage(
      request,
      reply,
      'Erreur',
      html`<h1>Erreur</h1>
        <p role="alert">${text}</p>
        <p><a href="/">Retour à l'accueil</a></p>`,
      tooLarge ? 413 : 500,
    );
  });
  return { app, library, notifier };
}
