import type { DossierActor } from '../dossier/commands/actor';
import { actorSiren } from '../dossier/authorisation';
import type { Attachment } from '../ports';

/**
 * Who looks at a list, reduced to what decides which rows they see:
 * - employer: the SIRETs the user is attached to (Attachments port), narrowed to the SIREN or
 *   SIRET the actor says it acts for, as for commands;
 * - provider: its SIREN (the pré-saisies it submitted, whatever became of them);
 * - caseManager: every transmitted dossier; system: everything.
 */
export type ListScope =
  | { readonly kind: 'employer'; readonly sirets: readonly string[] }
  | { readonly kind: 'provider'; readonly siren: string }
  | { readonly kind: 'caseManager' }
  | { readonly kind: 'system' };

/** the scope of an actor, from its role and, for an employer user, its attachments. */
export function scopeOfActor(actor: DossierActor, attachments: readonly Attachment[]): ListScope {
  switch (actor.role) {
    case 'adherent': {
      const sirets = attachments
        .flatMap((a) => a.sirets as readonly string[])
        .filter((siret) => actor.siret === undefined || siret === actor.siret)
        .filter((siret) => actor.siren === undefined || siret.startsWith(actor.siren));
      return { kind: 'employer', sirets: [...new Set(sirets)] };
    }
    case 'prestataire': {
      const siren = actorSiren(actor);
      // A provider that does not say who it is sees nothing rather than everything.
      return siren === undefined ? { kind: 'employer', sirets: [] } : { kind: 'provider', siren };
    }
    case 'gestionnaire':
      return { kind: 'caseManager' };
    case 'system':
      return { kind: 'system' };
  }
}
