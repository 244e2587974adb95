import { stringify } from 'csv-stringify/sync';
import { spreadsheetCsvOptions } from '../output/csv';
import type { TableColumn, TableRow } from './table-columns';

/**
 * Rows as CSV with the options of every CSV the CLI writes (`spreadsheetCsvOptions`: formulas
 * neutralised, byte order mark, RFC 4180), a chunk at a time: the first chunk with the byte
 * order mark and the heading, the next ones without, so that a million rows never sit in one string.
 */
export function csvText(
  columns: readonly TableColumn[],
  rows: readonly TableRow[],
  separator: string,
  first: boolean,
): string {
  if (rows.length === 0) return '';
  const records = rows.map((row) => {
    const record: Record<string, unknown> = {};
    columns.forEach((column, i) => {
      const value = row[i] ?? null;
      // A JSON column is one cell of JSON text, whatever the value's shape.
      record[column.name] = column.type === 'json' && value !== null ? JSON.stringify(value) : value;
    });
    return record;
  });
  const options = spreadsheetCsvOptions(
    separator,
    columns.map((c) => c.name),
  );
  return stringify(records, { ...options, header: first, bom: first });
}
