import { fieldLabel } from '../dossier/field-labels';

// R-43 for the lists: a refused list request names the field as the search forms label it
// (R-25, the portal's « Recherche avancée »), not by the request's path (`filters.createdFrom`),
// which stays in `field` for programs. Apart from the commands' table because the same word
// means another field there: a command's `search` is the provider search, a list's the
// simple search over number, card type and company.

/** The French label of each field of a list request, by its path. */
export const LIST_FIELD_LABELS: Readonly<Record<string, string>> = {
  search: 'Recherche',
  filters: 'Recherche avancée',
  'filters.number': 'Numéro',
  'filters.cardType': 'Dispositif',
  'filters.state': 'Etat',
  'filters.siret': 'SIRET',
  'filters.siren': 'SIREN',
  'filters.createdFrom': 'Créé à partir du',
  'filters.createdTo': "Créé jusqu'au",
  'filters.transmittedFrom': 'Transmis à partir du',
  'filters.transmittedTo': "Transmis jusqu'au",
  sort: 'Tri',
  'sort.by': 'Tri',
  'sort.direction': 'Ordre du tri',
  page: 'Page',
};

/**
 * The label of a list request's field path: its own, else its closest labelled parent's
 * (`filters.state.2` → "Etat", an unknown `filters.colour` → "Recherche avancée"), else the
 * commands' label (the actor's fields are the same as a command's).
 */
export function listFieldLabel(field: string): string {
  const parts = field.split('.');
  for (let end = parts.length; end > 0; end--) {
    const label = LIST_FIELD_LABELS[parts.slice(0, end).join('.')];
    if (label !== undefined) return label;
  }
  return fieldLabel(field);
}
