import type { FastifyReply, FastifyRequest } from 'fastify';
import type { DossierActor } from '@cartes-badges/domain';
import { FIXTURE_PROVIDER_ATTACHMENTS, FIXTURE_USERS } from '@cartes-badges/domain/fixtures';
import { problem, sendProblem } from './problem';

// Authentication is the embedding application's business: here the caller names a fixture user
// in the `x-user` header and the server builds the actor. The body never chooses its actor.
/** The actor of the request: the fixture user its `x-user` header names, or undefined. */
export function actorOf(request: FastifyRequest): DossierActor | undefined {
  const id = request.headers['x-user'];
  const user = Object.values(FIXTURE_USERS).find((u) => u.id === id);
  if (!user) return undefined;
  if (user.role !== 'prestataire') return { role: user.role, userId: user.id };
  const company = FIXTURE_PROVIDER_ATTACHMENTS[user.id]?.[0];
  return { role: 'prestataire', userId: user.id, siren: company.siren, siret: company.sirets[0] };
}

/** The ids the `x-user` header accepts. */
export const KNOWN_USERS: readonly string[] = Object.values(FIXTURE_USERS).map((u) => u.id);

/** A 401 problem naming the users the `x-user` header accepts. */
export function unauthenticated(reply: FastifyReply): FastifyReply {
  return sendProblem(
    reply,
    problem(
      'UNAUTHENTICATED',
      `En-tête x-user manquant ou inconnu : attendu l'identifiant d'un utilisateur (${KNOWN_USERS.join(', ')})`,
      reply.request,
      { field: 'x-user' },
    ),
  );
}
