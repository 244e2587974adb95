import type { ProjectedRow, RowProjectionDefinition, RowProjectionTable } from '@cartes-badges/eventsourcing';
import type { TableColumn, TableRow } from './table-columns';
import type { WriteTableOptions } from './write-table';
import { writeTable } from './write-table';

/** Options of `exportRows`. */
export type ExportRowsOptions = WriteTableOptions;

/**
 * A row projection's table as a file, the same way as the events (Parquet, NDJSON, CSV): the key
 * column first, then the projection's columns with their types, rows sorted by key. Gives the
 * number of rows written.
 */
export async function exportRows(
  table: Pick<RowProjectionTable, 'rows'>,
  definition: Pick<RowProjectionDefinition<ProjectedRow, never>, 'key' | 'columns'>,
  options: ExportRowsOptions,
): Promise<number> {
  // The row projections' column types are a subset of the export's, under the same names.
  const columns: TableColumn[] = [{ name: definition.key, type: 'text' }, ...definition.columns];
  const rows = [...(await table.rows())].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  function* chunks(): Iterable<TableRow[]> {
    for (let i = 0; i < rows.length; i += 2000)
      yield rows
        .slice(i, i + 2000)
        .map(([key, row]) => [key, ...definition.columns.map((c) => row[c.name] ?? null)]);
  }
  return writeTable(columns, chunks(), options);
}
