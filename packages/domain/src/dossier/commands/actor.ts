import * as t from 'io-ts';
import { Siren, Siret } from '../../identifiers';
import { requiredText } from '../fields';

/** Who may act on dossiers: employer users, providers, the fund's case managers, and the system. */
export const ActorRole = t.keyof(
  { adherent: null, prestataire: null, gestionnaire: null, system: null },
  'ActorRole',
);
/** An actor's role. */
export type ActorRole = t.TypeOf<typeof ActorRole>;

/**
 * Who sends a command: role, user id, and the SIREN/SIRET they act for (a provider is known by
 * its own SIREN/SIRET; an employer user by the company it works for).
 */
export const DossierActor = t.intersection(
  [
    t.type({ role: ActorRole, userId: requiredText('UserId', 200) }),
    t.partial({ siren: Siren, siret: Siret }),
  ],
  'DossierActor',
);
/** The actor of a dossier command. */
export type DossierActor = t.TypeOf<typeof DossierActor>;
