import type { Siren, Siret } from '../identifiers';
import type { DossierActor } from '../dossier';

/** The employer user of the guide ("amoa1"), attached to HUM's establishments. */
export const employer: DossierActor = { role: 'adherent', userId: 'amoa1' };
/** A user of another company (SIAE). */
export const otherEmployer: DossierActor = { role: 'adherent', userId: 'siae-user' };
/** The provider CSD, acting for its own SIRET. */
export const provider: DossierActor = {
  role: 'prestataire',
  userId: 'csd-agent',
  siren: '812345676' as Siren,
  siret: '81234567600017' as Siret,
};
/** Another provider. */
export const otherProvider: DossierActor = {
  role: 'prestataire',
  userId: 'cps-agent',
  siren: '443061841' as Siren,
  siret: '44306184100013' as Siret,
};
/** A case manager of the fund. */
export const caseManager: DossierActor = { role: 'gestionnaire', userId: 'gestionnaire-1' };
