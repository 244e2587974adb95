import type { Catalogue } from '../catalogue';
import type { Siren, Siret } from '../identifiers';
import type { Attachments, EstablishmentDirectory } from '../ports';

/** An establishment a user may pick. */
export interface EstablishmentChoice {
  readonly siret: string;
  readonly name: string;
  readonly city: string | null;
}

/** the next choice to make before "Créer un nouveau dossier". */
export type CreationChoices =
  | { readonly step: 'none'; readonly message: string }
  | {
      readonly step: 'company';
      readonly companies: readonly { readonly siren: string; readonly name: string }[];
    }
  | {
      readonly step: 'establishment';
      readonly siren: string;
      readonly establishments: readonly EstablishmentChoice[];
    }
  | {
      readonly step: 'cardType';
      readonly siren: string;
      readonly siret: string;
      readonly cardTypes: readonly { readonly code: string; readonly label: string }[];
    };

/** What the user picked so far. */
export interface CreationPicks {
  readonly siren?: string;
  readonly siret?: string;
}

/**
 * a user attached to several SIREN picks the company, then the establishment, then the
 * card type; a user attached to a single SIRET goes straight to the card type.
 */
export async function creationChoices(
  deps: {
    readonly attachments: Attachments;
    readonly establishments: EstablishmentDirectory;
    readonly catalogue: Catalogue;
  },
  userId: string,
  picks: CreationPicks = {},
): Promise<CreationChoices> {
  const attachments = await deps.attachments.ofUser(userId);
  const cardTypes = deps.catalogue.map(({ code, label }) => ({ code, label }));
  if (picks.siret !== undefined) {
    const company = attachments.find((a) => a.sirets.includes(picks.siret as Siret));
    if (company) return { step: 'cardType', siren: company.siren, siret: picks.siret, cardTypes };
    return { step: 'none', message: `Vous n'êtes pas rattaché à l'établissement ${picks.siret}` };
  }
  const companies =
    picks.siren !== undefined ? attachments.filter((a) => a.siren === picks.siren) : attachments;
  if (companies.length === 0) {
    return { step: 'none', message: "Vous n'êtes rattaché à aucune entreprise adhérente" };
  }
  if (companies.length > 1) {
    return { step: 'company', companies: companies.map(({ siren, name }) => ({ siren, name })) };
  }
  const company = companies[0];
  if (company.sirets.length === 1) {
    return { step: 'cardType', siren: company.siren, siret: company.sirets[0], cardTypes };
  }
  const establishments = await Promise.all(
    company.sirets.map(async (siret): Promise<EstablishmentChoice> => {
      const found = await deps.establishments.findBySiret(siret);
      return { siret, name: found?.name ?? company.name, city: found?.address.city ?? null };
    }),
  );
  return { step: 'establishment', siren: company.siren as Siren, establishments };
}
