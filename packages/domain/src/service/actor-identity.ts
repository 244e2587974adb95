import * as E from 'fp-ts/Either';
import type { DossierActor, DossierError } from '../dossier';
import { actorSiren, DossierActor as DossierActorCodec, formatError, notAuthorised } from '../dossier';
import { fieldErrorsOf } from '../identifiers';
import type { Attachments } from '../ports';

/** What decides whether an actor's claims are believed (see docs/security.md). */
export interface IdentityPolicy {
  /** Which provider (SIREN, SIRETs) each provider user belongs to. */
  readonly providerAttachments: Attachments;
  /** Whether a caller may act or read as role `system` (everything): only an embedding's own jobs. */
  readonly allowSystemActor: boolean;
}

/**
 * The claims of an actor the embedding application cannot vouch for by authentication alone,
 * checked against the directories: a provider user acts only for a provider it is
 * attached to (the SIREN it names, and the SIRET if it names one); role `system` only where the
 * embedding opted in. Employer users are checked against their attachments by each command
 * and list. Gives the refusal, or undefined.
 */
export async function refusalOfActor(
  actor: DossierActor,
  policy: IdentityPolicy,
): Promise<DossierError | undefined> {
  if (actor.role === 'system') {
    return policy.allowSystemActor
      ? undefined
      : notAuthorised(
          "Le rôle « system » est réservé aux traitements de l'application (option allowSystemActor) : il ne peut pas être celui d'un appelant",
        );
  }
  if (actor.role !== 'prestataire') return undefined;
  const siren = actorSiren(actor);
  if (siren === undefined) {
    return notAuthorised(
      'Un prestataire doit indiquer le SIREN ou le SIRET du prestataire pour lequel il agit',
    );
  }
  const company = (await policy.providerAttachments.ofUser(actor.userId)).find((a) => a.siren === siren);
  if (company === undefined || (actor.siret !== undefined && !company.sirets.includes(actor.siret))) {
    return notAuthorised(`Vous n'êtes pas rattaché au prestataire ${actor.siret ?? siren}`);
  }
  return undefined;
}

/**
 * An actor given from outside (to `load`, `tabs`, a list) decoded (own data properties only,
 * known role, well-formed SIREN/SIRET) and checked by `refusalOfActor`.
 */
export async function checkedActor(
  input: unknown,
  policy: IdentityPolicy,
): Promise<E.Either<DossierError, DossierActor>> {
  const decoded = DossierActorCodec.decode(input);
  if (E.isLeft(decoded)) return E.left(formatError(fieldErrorsOf(decoded.left, 'actor')));
  const refusal = await refusalOfActor(decoded.right, policy);
  return refusal === undefined ? E.right(decoded.right) : E.left(refusal);
}
