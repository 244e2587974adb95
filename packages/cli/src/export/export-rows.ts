import type { ProjectedRow, RowProjectionDefinition, RowProjectionTable } from '@cartes-badges/eventsourcing';
import type { ExportFormat, PartWriter } from './part-writer';
import { openPartWriter, openStdoutWriter } from './part-writer';
import type { TableColumn, TableRow } from './table-columns';

/** Options of `exportRows`. */
export interface ExportRowsOptions {
  readonly format: ExportFormat;
  /** The file to write; undefined: standard output (NDJSON or CSV). */
  readonly out?: string;
  readonly separator?: string;
}

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
  const writer: PartWriter =
    options.out === undefined
      ? openStdoutWriter(options.format, columns, options)
      : await openPartWriter(options.format, options.out, columns, options);
  try {
    for (let i = 0; i < rows.length; i += 2000) {
      const chunk: TableRow[] = rows
        .slice(i, i + 2000)
        .map(([key, row]) => [key, ...definition.columns.map((c) => row[c.name] ?? null)]);
      await writer.write(chunk);
    }
    await writer.close();
  } catch (error) {
    await writer.abort();
    throw error;
  }
  return rows.length;
}
