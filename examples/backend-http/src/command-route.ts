import type { FastifyReply, FastifyRequest } from 'fastify';
import type { DossierApplication } from '@cartes-badges/lists';
import { dossierStatusLabel } from '@cartes-badges/domain';
import * as E from 'fp-ts/Either';
import { actorOf, unauthenticated } from './caller';
import { PAYLOAD_ALIASES } from './command-schemas';
import { refuse } from './problem';

// A deprecated payload field name (`contentBase64`) becomes the library's (`content`); the
// library then checks the value itself (strict base64, size, format), as for any client.
function withAliasesRenamed(body: unknown): unknown {
  if (typeof body !== 'object' || body === null) return body;
  const payload = (body as { payload?: unknown }).payload;
  if (typeof payload !== 'object' || payload === null) return body;
  // Own keys only: a payload key such as `constructor` is no alias.
  const aliasOf = (key: string): string | undefined =>
    Object.hasOwn(PAYLOAD_ALIASES, key) ? PAYLOAD_ALIASES[key] : undefined;
  const entries = Object.entries(payload);
  const renamed = entries.map(([key]) => aliasOf(key)).filter((field) => field !== undefined);
  if (renamed.length === 0) return body;
  // Both names at once: left as is, the library refuses the alias by name.
  if (renamed.some((field) => Object.hasOwn(payload, field))) return body;
  return {
    ...body,
    payload: Object.fromEntries(entries.map(([key, value]) => [aliasOf(key) ?? key, value])),
  };
}

/**
 * POST /commands: the body is a command without `actor` (the server sets it from `x-user`).
 * 201 when applied, 200 when the same command id was already handled, a problem
 * otherwise; the library decodes the body itself, so its French messages name the field.
 */
export function commandRoute(library: DossierApplication) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const actor = actorOf(request);
    if (!actor) return unauthenticated(reply);
    const body = withAliasesRenamed(request.body);
    const command = typeof body === 'object' && body !== null ? { ...body, actor } : body;
    const result = await library.service.execute(command);
    if (E.isLeft(result)) return refuse(reply, result.left);
    // Read your writes: the lists have caught up with this command before the client asks them.
    await library.whenIdle();
    const { dossierId, version, alreadyHandled, events, state, confirmation } = result.right;
    return reply.code(alreadyHandled ? 200 : 201).send({
      dossierId,
      version,
      alreadyHandled,
      events: events.map((e) => e.type),
      status: state.status,
      label: dossierStatusLabel(state),
      draftNumber: state.draftNumber,
      dossierNumber: state.dossierNumber,
      confirmation,
    });
  };
}
