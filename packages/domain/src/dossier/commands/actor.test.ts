// The actor of a command (R-04: who acts, and for which SIREN/SIRET) is decoded at the edge into
// a fresh plain object: what was checked is what is used. A role inherited from a prototype or
// computed by a getter is refused by name, so that no check can see one role and the decider
// another (test/security tries it through the service).
import * as E from 'fp-ts/Either';
import { decodeField } from '../../identifiers';
import { provider } from '../../testing';
import { DossierActor } from './actor';

const NOT_OWN = (key: string) =>
  `Propriété « ${key} » de l'acteur refusée : elle doit être une valeur propre de l'objet (ni héritée, ni calculée)`;

describe('DossierActor', () => {
  it('R-04 decodes an actor into a fresh object holding only its own role, user, SIREN and SIRET', () => {
    const input = { role: 'prestataire', userId: 'csd-agent', siren: provider.siren, siret: provider.siret };
    const decoded = DossierActor.decode(input);
    expect(decoded).toEqual(E.right(input));
    expect(E.isRight(decoded) && decoded.right).not.toBe(input);
    const employer = DossierActor.decode({ role: 'adherent', userId: 'amoa1' });
    expect(E.isRight(employer) && Object.keys(employer.right)).toEqual(['role', 'userId']);
    const bySiret = DossierActor.decode({ role: 'prestataire', userId: 'u', siret: provider.siret });
    expect(E.isRight(bySiret) && Object.keys(bySiret.right)).toEqual(['role', 'userId', 'siret']);
    const bySiren = DossierActor.decode({ role: 'prestataire', userId: 'u', siren: provider.siren });
    expect(E.isRight(bySiren) && Object.keys(bySiren.right)).toEqual(['role', 'userId', 'siren']);
  });

  it('R-04 refuses a role inherited from a prototype, or computed by a getter, naming it', () => {
    const inherited = Object.assign(Object.create({ role: 'gestionnaire' }) as object, { userId: 'x' });
    const computed = { userId: 'x' };
    Object.defineProperty(computed, 'role', { get: () => 'gestionnaire', enumerable: true });
    const computedSiret = { role: 'prestataire', userId: 'x' };
    Object.defineProperty(computedSiret, 'siret', { get: () => provider.siret, enumerable: true });
    for (const [actor, key] of [
      [inherited, 'role'],
      [computed, 'role'],
      [computedSiret, 'siret'],
    ] as const) {
      expect(decodeField(DossierActor, actor, 'actor')).toEqual(
        E.left(expect.objectContaining({ field: 'actor.' + key, message: NOT_OWN(key) })),
      );
      expect(DossierActor.is(actor)).toBe(false);
    }
  });

  it('R-04 is an actor only for a plain, valid one', () => {
    expect(DossierActor.is({ role: 'gestionnaire', userId: 'g' })).toBe(true);
    expect(DossierActor.is({ role: 'chef', userId: 'g' })).toBe(false);
    expect(DossierActor.is({ role: 'gestionnaire', userId: 'g', establishment: 'x' })).toBe(false);
    expect(DossierActor.is(null)).toBe(false);
  });

  it('R-08 R-42 names the actor’s fields in its refusals: an unknown field, a role outside the list, no user', () => {
    expect(decodeField(DossierActor, { role: 'adherent', userId: 'u', establishment: 'x' }, 'actor')).toEqual(
      E.left(
        expect.objectContaining({
          field: 'actor.establishment',
          message: 'Champ inconnu : establishment (champs acceptés : role, userId, siren, siret)',
        }),
      ),
    );
    expect(decodeField(DossierActor, { role: 'chef', userId: 'u' }, 'actor')).toEqual(
      E.left(
        expect.objectContaining({
          field: 'actor.role',
          message: expect.stringMatching(/attendu ActorRole$/),
        }),
      ),
    );
    expect(decodeField(DossierActor, { role: 'adherent', userId: ' ' }, 'actor')).toEqual(
      E.left(expect.objectContaining({ field: 'actor.userId', code: 'REQUIRED' })),
    );
    expect(decodeField(DossierActor, 'amoa1', 'actor')).toEqual(
      E.left(
        expect.objectContaining({
          field: 'actor',
          message:
            "Ce champ n'est pas valide (reçu : « amoa1 ») : attendu { role: ActorRole, userId: UserId }",
        }),
      ),
    );
    expect(DossierActor.encode({ role: 'adherent', userId: 'u' })).toEqual({ role: 'adherent', userId: 'u' });
  });
});
