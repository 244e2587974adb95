import type { Decider } from '@cartes-badges/eventsourcing';
import type { DossierCommand } from './commands/dossier-command';
import type { DossierContext } from './decide/context';
import { decideDossier } from './decide/decide';
import type { DossierError } from './errors';
import type { DossierEvent } from './events';
import { dossierSchemaVersion } from './events';
import { evolveDossier } from './evolve';
import type { DossierState } from './state';
import { initialDossierState } from './state';

/** The dossier aggregate as a decider, for the kernel's command handler. */
export const dossierDecider: Decider<
  DossierCommand,
  DossierEvent,
  DossierState,
  DossierContext,
  DossierError
> = {
  initialState: initialDossierState,
  evolve: evolveDossier,
  decide: decideDossier,
  schemaVersion: dossierSchemaVersion,
};
