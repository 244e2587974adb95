import * as E from 'fp-ts/Either';
import * as t from 'io-ts';
import { knownFieldsOnly, Siren, Siret } from '../../identifiers';
import { requiredText } from '../fields';

/** Who may act on dossiers: employer users, providers, the fund's case managers, and the system. */
export const ActorRole = t.keyof(
  { adherent: null, prestataire: null, gestionnaire: null, system: null },
  'ActorRole',
);
/** An actor's role. */
export type ActorRole = t.TypeOf<typeof ActorRole>;

// a field the actor does not have (`establishment`) is refused by name.
const ActorFields = knownFieldsOnly(
  t.intersection([
    t.type({ role: ActorRole, userId: requiredText('UserId', 200) }),
    t.partial({ siren: Siren, siret: Siret }),
  ]),
  'DossierActor',
);

const ACTOR_KEYS = ['role', 'userId', 'siren', 'siret'] as const;

// The key the actor does not hold as a plain value of its own (inherited from a prototype, or a
// getter that may answer differently on each read), if any.
function notOwnKey(u: object): string | undefined {
  return ACTOR_KEYS.find((key) => {
    if (!(key in u)) return false;
    const own = Object.getOwnPropertyDescriptor(u, key);
    return own === undefined || !('value' in own);
  });
}

/**
 * Who sends a command: role, user id, and the SIREN/SIRET they act for (a provider is known by
 * its own SIREN/SIRET; an employer user by the company it works for). Own data properties only:
 * an actor whose `role` (or any field) comes from its prototype or a getter is refused, and the
 * decoded actor is a fresh plain object, so what was checked is what is used.
 */
export const DossierActor = new t.Type<t.TypeOf<typeof ActorFields>, t.OutputOf<typeof ActorFields>, unknown>(
  'DossierActor',
  (u): u is t.TypeOf<typeof ActorFields> => ActorFields.is(u) && notOwnKey(u as object) === undefined,
  (u, c) => {
    if (typeof u === 'object' && u !== null) {
      const key = notOwnKey(u);
      if (key !== undefined) {
        return t.failure(
          u,
          t.appendContext(c, key, ActorFields),
          `Propriété « ${key} » de l'acteur refusée : elle doit être une valeur propre de l'objet (ni héritée, ni calculée)`,
        );
      }
    }
    // An empty key keeps the field paths as they were (`actor.role`, not `actor.0.role`).
    const decoded = ActorFields.validate(u, t.appendContext(c, '', ActorFields, u));
    if (E.isLeft(decoded)) return decoded;
    const { role, userId, siren, siret } = decoded.right;
    return t.success({
      role,
      userId,
      ...(siren !== undefined ? { siren } : {}),
      ...(siret !== undefined ? { siret } : {}),
    });
  },
  (a) => ActorFields.encode(a),
);
/** The actor of a dossier command. */
export type DossierActor = t.TypeOf<typeof DossierActor>;
