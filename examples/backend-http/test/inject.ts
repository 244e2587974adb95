import type { FastifyInstance } from 'fastify';
import type { InjectOptions, Response } from 'light-my-request';
import lightMyRequest from 'light-my-request';

// fastify.inject() is light-my-request on the app's router. Its latest release needs the ESM-only
// cookie@2, which jest's module loader cannot require, so the tests call the same injector, one
// release older, on the same router (app.routing): same requests, no network, same handlers.
/** Sends one request to the app without opening a port. */
export function inject(app: FastifyInstance, options: InjectOptions): Promise<Response> {
  return lightMyRequest((req, res) => app.routing(req, res), options);
}

/** POST /commands as the user the headers name. */
export function postCommand(
  app: FastifyInstance,
  headers: Record<string, string>,
  command: object,
): Promise<Response> {
  return inject(app, { method: 'POST', url: '/commands', headers, payload: command });
}
