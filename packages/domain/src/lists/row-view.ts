import { dossierStatusLabel } from '../dossier/state';
import { formatEuros } from '../money';
import type { ListName, ListRow } from './list-row';
import type { RowAction } from './row-actions';
import { rowActions } from './row-actions';
import type { ListScope } from './list-scope';

/** A row as a list shows it to one viewer (R-25 columns, plus what the detail needs). */
export interface ListRowView {
  readonly dossierId: string;
  /** "Numéro". */
  readonly number: string;
  readonly draftNumber: number;
  readonly dossierNumber: string | null;
  /** "Dispositif". */
  readonly cardType: { readonly code: string; readonly label: string };
  /** "Entreprise". */
  readonly company: { readonly name: string; readonly siret: string; readonly siren: string };
  /** "Etat": the label of the spec's state table, and the status code for programs. */
  readonly state: string;
  readonly status: ListRow['status'];
  /** The provider of a pré-saisie, null otherwise. */
  readonly provider: {
    readonly siren: string;
    readonly siret: string | null;
    readonly name: string | null;
  } | null;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly transmittedAt: string | null;
  readonly totalHt: { readonly cents: number; readonly formatted: string };
  readonly actions: readonly RowAction[];
}

/** Shapes a stored row for a viewer: labels, formatted total, actions. */
export function toRowView(list: ListName, row: ListRow, scope: ListScope): ListRowView {
  return {
    dossierId: row.dossierId,
    number: row.number,
    draftNumber: row.draftNumber,
    dossierNumber: row.dossierNumber,
    cardType: { code: row.cardTypeCode, label: row.cardTypeLabel },
    company: { name: row.companyName, siret: row.siret, siren: row.siren },
    state: dossierStatusLabel(row),
    status: row.status,
    provider:
      row.providerSiren === null
        ? null
        : { siren: row.providerSiren, siret: row.providerSiret, name: row.providerName },
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    transmittedAt: row.transmittedAt,
    totalHt: { cents: row.totalCents, formatted: formatEuros(row.totalCents) },
    actions: rowActions(list, row, scope),
  };
}
