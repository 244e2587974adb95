import type { ListRow } from '../lists/list-row';

/** The columns of a list's table, in table order. */
export const LIST_ROW_COLUMNS = [
  'dossier_id',
  'number',
  'number_upper',
  'number_key',
  'card_type_code',
  'card_type_label',
  'company_name',
  'siret',
  'siren',
  'provider_siret',
  'provider_siren',
  'status',
  'created_at',
  'updated_at',
  'transmitted_at',
  'transmitted_key',
  'total_cents',
  'search_key',
  'listed',
  'row_json',
] as const;

/** A column of a list's table. */
export type ListRowColumn = (typeof LIST_ROW_COLUMNS)[number];

/**
 * A row's column values: what queries filter and sort on, and the row itself (`row_json`, which
 * the store writes as JSON). `listed` is a boolean: a store without one writes it as 1 or 0.
 */
export interface ListRowColumns
  extends Record<Exclude<ListRowColumn, 'listed' | 'row_json'>, string | number | null> {
  readonly listed: boolean;
  readonly row_json: ListRow;
}

/** The column values of a row (see `LIST_ROW_COLUMNS`). */
export function listRowColumns(row: ListRow): ListRowColumns {
  return {
    dossier_id: row.dossierId,
    number: row.number,
    // The number filter compares upper-cased text (JavaScript's rules, as the in-memory list).
    number_upper: row.number.toUpperCase(),
    number_key: row.numberKey,
    card_type_code: row.cardTypeCode,
    card_type_label: row.cardTypeLabel,
    company_name: row.companyName,
    siret: row.siret,
    siren: row.siren,
    provider_siret: row.providerSiret,
    provider_siren: row.providerSiren,
    status: row.status,
    created_at: row.createdAt,
    updated_at: row.updatedAt,
    transmitted_at: row.transmittedAt,
    // Sorting by transmission puts the never-transmitted first, as '' does in memory.
    transmitted_key: row.transmittedAt ?? '',
    total_cents: row.totalCents,
    search_key: row.searchKey,
    listed: row.listed,
    row_json: row,
  };
}
