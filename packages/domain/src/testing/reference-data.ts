import type { Attachment, EstablishmentSnapshot, ProviderSnapshot } from '../ports';
import {
  Attachment as AttachmentCodec,
  EstablishmentSnapshot as EstablishmentCodec,
  ProviderSnapshot as ProviderCodec,
} from '../ports';
import type * as t from 'io-ts';

// Builders decode what they build, so a fixture that breaks an identifier rule fails loudly.
function decoded<A>(codec: t.Type<A, unknown, unknown>, value: unknown): A {
  const result = codec.decode(value);
  if (result._tag === 'Left') throw new TypeError(`Invalid test fixture for ${codec.name}`);
  return result.right;
}

/** The guide's temp-work agency "HUM." in Clichy (NAF 7820Z, IDCC 2378). */
export const HUM_CLICHY: EstablishmentSnapshot = decoded(EstablishmentCodec, {
  siret: '40101593800012',
  siren: '401015938',
  name: 'HUM INTERIM',
  naf: '7820Z',
  idcc: '2378',
  publicType: 'Intérimaire',
  address: { street: '10 RUE DAGOBERT', postalCode: '92110', city: 'CLICHY' },
});

/** A second establishment of the same agency, for permanent staff (IDCC 1413). */
export const HUM_LYON: EstablishmentSnapshot = decoded(EstablishmentCodec, {
  siret: '40101593800020',
  siren: '401015938',
  name: 'HUM INTERIM',
  naf: '7820Z',
  idcc: '1413',
  publicType: 'Permanent',
  address: { street: '4 QUAI DU RHONE', postalCode: '69002', city: 'LYON' },
});

/** Another company's establishment (an insertion agency). */
export const SIAE_LILLE: EstablishmentSnapshot = decoded(EstablishmentCodec, {
  siret: '55208131700018',
  siren: '552081317',
  name: 'SIAE TRAVAIL NORD',
  naf: '7820Z',
  idcc: '2378',
  publicType: 'Intérimaire',
  address: { street: '2 RUE NATIONALE', postalCode: '59000', city: 'LILLE' },
});

/** The provider of the guide's screenshot ("CSD"), a Qualiopi training body. */
export const CSD_PROVIDER: ProviderSnapshot = decoded(ProviderCodec, {
  siret: '81234567600017',
  siren: '812345676',
  name: 'CSD FORMATION',
  headOffice: true,
  uai: ['0022004T'],
  ndas: ['11755555575'],
  qualiopi: true,
  address: { street: '12 AVENUE DE LA GARE', postalCode: '75012', city: 'PARIS' },
});

/** Another provider, not the one of the pré-saisies below. */
export const OTHER_PROVIDER: ProviderSnapshot = decoded(ProviderCodec, {
  siret: '44306184100013',
  siren: '443061841',
  name: 'CARTES PRO SERVICES',
  headOffice: true,
  uai: [],
  ndas: ['93131234513'],
  qualiopi: false,
  address: { street: '8 BOULEVARD DU PORT', postalCode: '13002', city: 'MARSEILLE' },
});

/** What the test users are attached to. */
export const TEST_ATTACHMENTS: Readonly<Record<string, readonly Attachment[]>> = {
  // Attached to both establishments of HUM: picks the establishment, then the card type.
  amoa1: [
    decoded(AttachmentCodec, {
      siren: '401015938',
      sirets: ['40101593800012', '40101593800020'],
      name: 'HUM INTERIM',
    }),
  ],
  // Attached to a single SIRET of HUM: goes straight to the card type.
  'clichy-only': [
    decoded(AttachmentCodec, { siren: '401015938', sirets: ['40101593800012'], name: 'HUM INTERIM' }),
  ],
  // A user of another company.
  'siae-user': [
    decoded(AttachmentCodec, { siren: '552081317', sirets: ['55208131700018'], name: 'SIAE TRAVAIL NORD' }),
  ],
  // Attached to two companies: picks the company first.
  multi: [
    decoded(AttachmentCodec, {
      siren: '401015938',
      sirets: ['40101593800012', '40101593800020'],
      name: 'HUM INTERIM',
    }),
    decoded(AttachmentCodec, { siren: '552081317', sirets: ['55208131700018'], name: 'SIAE TRAVAIL NORD' }),
  ],
};

/** Which provider the test provider users belong to (the provider attachments directory). */
export const TEST_PROVIDER_ATTACHMENTS: Readonly<Record<string, readonly Attachment[]>> = {
  'csd-agent': [
    decoded(AttachmentCodec, { siren: '812345676', sirets: ['81234567600017'], name: 'CSD FORMATION' }),
  ],
  'cps-agent': [
    decoded(AttachmentCodec, { siren: '443061841', sirets: ['44306184100013'], name: 'CARTES PRO SERVICES' }),
  ],
};
