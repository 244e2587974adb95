import type { FastifyReply, FastifyRequest } from 'fastify';
import type { DossierActor } from '@cartes-badges/domain';
import type { FixtureUser } from '@cartes-badges/domain/fixtures';
import { FIXTURE_PROVIDER_ATTACHMENTS, FIXTURE_USERS } from '@cartes-badges/domain/fixtures';

// Authentication belongs to the embedding application (its identity provider, its session):
// this portal only remembers in a cookie which fixture user was chosen on « Se connecter en
// tant que », and builds the library's actor from it on the server. A form never names its actor.

/** The cookie that names the chosen fixture user. */
export const USER_COOKIE = 'portal-user';

/** Who is signed in: the fixture user and the actor the library checks. */
export interface SignedIn {
  readonly user: FixtureUser;
  readonly actor: DossierActor;
}

/** The fixture users the sign-in page offers, in the guide's order. */
export const PORTAL_USERS: readonly FixtureUser[] = Object.values(FIXTURE_USERS);

const ROLE_LABELS: Record<FixtureUser['role'], string> = {
  adherent: 'Adhérent (employeur)',
  prestataire: 'Prestataire',
  gestionnaire: 'Gestionnaire (instruction et audit)',
};

/** "Adhérent (employeur)", "Prestataire", ... */
export const roleLabel = (user: FixtureUser): string => ROLE_LABELS[user.role];

/** The actor of a fixture user; a provider user acts for its provider's SIREN/SIRET. */
export function actorOfUser(user: FixtureUser): DossierActor {
  if (user.role !== 'prestataire') return { role: user.role, userId: user.id };
  const company = FIXTURE_PROVIDER_ATTACHMENTS[user.id][0];
  return { role: 'prestataire', userId: user.id, siren: company.siren, siret: company.sirets[0] };
}

/** The fixture user of this id, or undefined. */
export const userById = (id: string | undefined): FixtureUser | undefined =>
  PORTAL_USERS.find((user) => user.id === id);

/** Reads one cookie of the request (no cookie library: one name, a plain value); undefined if unreadable. */
export function cookieOf(request: FastifyRequest, name: string): string | undefined {
  const header = request.headers.cookie ?? '';
  for (const pair of header.split(';')) {
    const [key, ...rest] = pair.trim().split('=');
    if (key !== name) continue;
    try {
      return decodeURIComponent(rest.join('='));
    } catch {
      // Edited by hand (a lone %, a cut UTF-8 sequence): it names nothing, as if absent.
      return undefined;
    }
  }
  return undefined;
}

/** Sets (or with `undefined` clears) a cookie for the whole portal, unreadable by scripts. */
export function setCookie(reply: FastifyReply, name: string, value: string | undefined): void {
  const attributes = 'Path=/; HttpOnly; SameSite=Lax';
  const cookie =
    value === undefined
      ? `${name}=; ${attributes}; Max-Age=0`
      : `${name}=${encodeURIComponent(value)}; ${attributes}`;
  const previous = reply.getHeader('set-cookie');
  const all = previous === undefined ? [] : Array.isArray(previous) ? previous : [String(previous)];
  reply.header('set-cookie', [...all, cookie]);
}

/** The signed-in user of this request, or undefined. */
export function signedIn(request: FastifyRequest): SignedIn | undefined {
  const user = userById(cookieOf(request, USER_COOKIE));
  return user ? { user, actor: actorOfUser(user) } : undefined;
}
