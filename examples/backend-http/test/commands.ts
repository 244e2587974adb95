import { FIXTURE_ESTABLISHMENTS } from '@cartes-badges/domain/fixtures';

/** A provider's pré-saisie for the Clichy establishment (two cost lines' worth), as POST /commands takes it. */
export function submitPresaisie(commandId: string): object {
  return {
    type: 'SubmitPresaisie',
    commandId,
    payload: {
      siret: FIXTURE_ESTABLISHMENTS.interimServicesClichy.siret,
      cardType: 'CHRONO',
      costLines: [{ nature: 'Achat Matériel', unitAmountCents: 5250, quantity: 2 }],
    },
  };
}
