/** The tabs of a dossier's form, as the portal names them (Introduction only for a pré-saisie). */
export const TAB_NAMES = ['Introduction', 'Employeur', 'Prestation', 'Synthèse', 'Documents'] as const;

/** A tab of the dossier form. */
export type TabName = (typeof TAB_NAMES)[number];
