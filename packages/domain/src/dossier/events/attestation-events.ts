import * as t from 'io-ts';

/**
 * The attestations a dossier needs before transmission: R-16 (honour, general conditions on
 * the Synthèse tab) and R-18 (supporting documents, on the Documents tab).
 */
export const Attestation = t.keyof(
  { honour: null, generalConditions: null, supportingDocuments: null },
  'Attestation',
);
/** One of the three attestations. */
export type Attestation = t.TypeOf<typeof Attestation>;

/** Every attestation, in the order of the tabs. */
export const ATTESTATIONS: readonly Attestation[] = ['honour', 'generalConditions', 'supportingDocuments'];

/** The portal's wording of each attestation, in full (R-16, R-18; the guide's Synthèse and Documents). */
export const ATTESTATION_LABELS: Record<Attestation, string> = {
  honour: "J'atteste sur l'honneur l'exactitude des données saisies",
  generalConditions:
    "J'accepte les Conditions Générales (CG) d'Akto et les conditions de prise en charge, et je confirme avoir pris connaissance de celles-ci via le lien suivant : « Conditions générales - Akto »",
  supportingDocuments:
    "L'employeur atteste disposer de l'ensemble des pièces justificatives nécessaires au dépôt du dossier",
};

/** The tab that shows each attestation: honour and CG on Synthèse, the documents one on Documents. */
export const ATTESTATION_TABS = {
  honour: 'Synthèse',
  generalConditions: 'Synthèse',
  supportingDocuments: 'Documents',
} as const satisfies Record<Attestation, string>;

/** A link an attestation's text points to. */
export interface AttestationLink {
  /** The words of the label that carry the link. */
  readonly text: string;
  readonly url: string;
}

/**
 * the link of the CG attestation, « Conditions générales - Akto ». The guide does not
 * print its address: this is the fund's site; a portal passes its own page to the service.
 */
export const GENERAL_CONDITIONS_LINK: AttestationLink = {
  text: 'Conditions générales - Akto',
  url: 'https://www.akto.fr/',
};

/** the employer ticked an attestation. */
export const AttestationGiven = t.type(
  { type: t.literal('AttestationGiven'), data: t.type({ attestation: Attestation }) },
  'AttestationGiven',
);
/** An attestation was given. */
export type AttestationGiven = t.TypeOf<typeof AttestationGiven>;

/** the employer unticked an attestation. */
export const AttestationWithdrawn = t.type(
  { type: t.literal('AttestationWithdrawn'), data: t.type({ attestation: Attestation }) },
  'AttestationWithdrawn',
);
/** An attestation was withdrawn. */
export type AttestationWithdrawn = t.TypeOf<typeof AttestationWithdrawn>;
