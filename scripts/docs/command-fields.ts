// What each payload codec of the dossier commands holds, in the words of docs/commands.md.
// Keyed by the codec's name: the reference test fails when a command meets a codec missing
// here, so a new field cannot go undocumented.

/** How the reference describes one codec: its type and its rule (limits, format, rule id). */
export interface FieldDoc {
  readonly type: string;
  readonly rule: string;
}

/** Every payload codec of the commands, by name. */
export const FIELD_DOCS: Readonly<Record<string, FieldDoc>> = {
  Siret: {
    type: 'texte',
    rule: 'SIRET : 14 chiffres, clé de Luhn (La Poste : somme des chiffres multiple de 5), SIREN valide ; espaces, points et tirets admis entre les chiffres (R-12, R-41)',
  },
  CardTypeChoice: { type: 'texte', rule: 'code du type de carte du catalogue : `CHRONO`, `BTP` (R-10)' },
  CostLineList: {
    type: 'liste',
    rule: '10 lignes au plus ; chaque ligne `{ nature: "Achat Matériel" | null, unitAmountCents: entier ≥ 0 | null` ou `unitAmount: "52,50"` (texte saisi, 2 décimales au plus), `quantity: entier 1 à 10 000 | null }` ; un montant ≥ 100 000 € est enregistré mais bloque la transmission (R-13)',
  },
  OptionalEmail: {
    type: 'texte ou null',
    rule: 'email valide, 200 caractères au plus ; vide ou null efface le champ (R-06)',
  },
  ProviderSearch: {
    type: 'texte',
    rule: 'SIREN (9 chiffres) ou SIRET (14 chiffres) du prestataire, cherché dans la base SIRENE ; espaces, points et tirets admis entre les chiffres (R-12, R-41)',
  },
  InternalReference: { type: 'texte ou null', rule: '15 caractères au plus ; vide ou null efface (R-11)' },
  Comment: { type: 'texte ou null', rule: '500 caractères au plus ; vide ou null efface (R-17)' },
  Attestation: {
    type: 'texte',
    rule: '`honour` (sur l’honneur), `generalConditions` (CG) : onglet Synthèse (R-16) ; `supportingDocuments` (pièces justificatives) : onglet Documents (R-18)',
  },
  boolean: { type: 'booléen', rule: 'coché (true) ou non (false)' },
  DocumentType: {
    type: 'texte',
    rule: 'un type de document du type de carte (obligatoires, `Autre`, `Attestation de l’employeur`), 100 caractères au plus (R-19, R-21, R-37)',
  },
  FileName: {
    type: 'texte',
    rule: '255 caractères au plus ; son extension et son contenu doivent être pdf, jpg, png, xls, xlsx, docx ou csv (R-20)',
  },
  FileContent: {
    type: 'octets ou base64',
    rule: 'le fichier : 20 Mo au plus, contenu conforme à son format (R-20)',
  },
  Uuid: { type: 'texte', rule: 'identifiant UUID en minuscules' },
  OptionalReason: { type: 'texte ou null', rule: '1 000 caractères au plus' },
  Reason: { type: 'texte', rule: 'obligatoire, 1 000 caractères au plus' },
  AmountGrantedCents: {
    type: 'entier',
    rule: 'montant accordé en centimes, de 1 au montant demandé (R-35)',
  },
  AmountPaidCents: {
    type: 'entier',
    rule: 'montant remboursé en centimes, de 1 au montant accordé (R-35)',
  },
};
