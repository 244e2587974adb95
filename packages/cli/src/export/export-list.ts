import type { ListReadModel, ListRow } from '@cartes-badges/domain';
import { dossierStatusLabel } from '@cartes-badges/domain';
import type { TableColumn, TableRow } from './table-columns';
import type { WriteTableOptions } from './write-table';
import { writeTable } from './write-table';

/**
 * The columns of a list's export: the dossier id (the key), then what the portal's list shows
 * (number, Dispositif, Entreprise, Etat, total) and what it keeps to scope and filter it.
 */
export const LIST_COLUMNS: readonly TableColumn[] = [
  { name: 'dossier_id', type: 'text' },
  { name: 'number', type: 'text' },
  { name: 'draft_number', type: 'integer' },
  { name: 'dossier_number', type: 'text' },
  { name: 'card_type_code', type: 'text' },
  { name: 'card_type_label', type: 'text' },
  { name: 'company_name', type: 'text' },
  { name: 'siret', type: 'text' },
  { name: 'siren', type: 'text' },
  { name: 'status', type: 'text' },
  { name: 'state', type: 'text' },
  { name: 'removal', type: 'text' },
  { name: 'provider_siren', type: 'text' },
  { name: 'provider_siret', type: 'text' },
  { name: 'provider_name', type: 'text' },
  { name: 'presaisie_accepted', type: 'boolean' },
  { name: 'created_at', type: 'timestamptz' },
  { name: 'updated_at', type: 'timestamptz' },
  { name: 'transmitted_at', type: 'timestamptz' },
  { name: 'total_cents', type: 'bigint' },
];

/** A list row as the export's columns, in their order ("state" is the label the portal shows). */
export function listTableRow(row: ListRow): TableRow {
  return [
    row.dossierId,
    row.number,
    row.draftNumber,
    row.dossierNumber,
    row.cardTypeCode,
    row.cardTypeLabel,
    row.companyName,
    row.siret,
    row.siren,
    row.status,
    dossierStatusLabel(row),
    row.removal,
    row.providerSiren,
    row.providerSiret,
    row.providerName,
    row.presaisieAccepted,
    row.createdAt,
    row.updatedAt,
    row.transmittedAt,
    row.totalCents,
  ];
}

const PAGE = 2000;

/** Every row the list shows to the fund (no scoping), by number, one page of the read model at a time. */
async function* listedRows(model: ListReadModel): AsyncIterable<TableRow[]> {
  for (let offset = 0; ; offset += PAGE) {
    const page = await model.query({
      scope: { kind: 'system' },
      terms: [],
      filters: {},
      sort: { by: 'number', direction: 'asc' },
      offset,
      limit: PAGE,
    });
    if (page.rows.length > 0) yield page.rows.map(listTableRow);
    if (page.rows.length < PAGE) return;
  }
}

/**
 * One of the portal's lists (Brouillons or Dossiers) as a table file, the same way as a row
 * projection's rows: every row it lists, unscoped (what the fund sees), sorted by number. The
 * read model must have caught up with the events. Gives the number of rows written.
 */
export async function exportList(model: ListReadModel, options: WriteTableOptions): Promise<number> {
  return writeTable(LIST_COLUMNS, listedRows(model), options);
}
