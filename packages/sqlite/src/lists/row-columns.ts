import type { ListRow } from '@cartes-badges/domain';

/** The columns of a list row, in table order, as SQLite stores them. */
export const ROW_COLUMNS = [
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

/** A row's column values: what queries filter and sort on, and the row itself as JSON. */
export function rowColumnValues(row: ListRow): (string | number | null)[] {
  return [
    row.dossierId,
    row.number,
    // The number filter compares upper-cased text (JavaScript's rules, as the in-memory list).
    row.number.toUpperCase(),
    row.numberKey,
    row.cardTypeCode,
    row.cardTypeLabel,
    row.companyName,
    row.siret,
    row.siren,
    row.providerSiret,
    row.providerSiren,
    row.status,
    row.createdAt,
    row.updatedAt,
    row.transmittedAt,
    // Sorting by transmission puts the never-transmitted first, as '' does in memory.
    row.transmittedAt ?? '',
    row.totalCents,
    row.searchKey,
    row.listed ? 1 : 0,
    JSON.stringify(row),
  ];
}
