import { badInput } from '../errors';
import { toSpreadsheetCsv } from '../output/csv';

type Row = Record<string, unknown>;

const isPlainObject = (value: unknown): value is Row =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * A projection's result as rows: a list of objects as it is; an object of objects as one row
 * per key (first column `key`); an object of plain values as key/value rows. Anything else
 * cannot be tabulated: the module should export `toRows(state)`.
 */
export function tabulate(result: unknown): Row[] | undefined {
  if (Array.isArray(result)) return result.every(isPlainObject) ? (result as Row[]) : undefined;
  if (!isPlainObject(result)) return undefined;
  const entries = Object.entries(result);
  if (entries.every(([, v]) => isPlainObject(v))) return entries.map(([key, v]) => ({ key, ...(v as Row) }));
  if (entries.every(([, v]) => !isPlainObject(v) && !Array.isArray(v)))
    return entries.map(([key, value]) => ({ key, value }));
  return undefined;
}

/** The columns of rows: every key, in order of first appearance. */
export function columnsOf(rows: readonly Row[]): string[] {
  const columns = new Set<string>();
  for (const row of rows) for (const key of Object.keys(row)) columns.add(key);
  return [...columns];
}

/**
 * A projection's result as a CSV file for spreadsheets, with a heading line: RFC 4180 (CRLF line
 * ends), a UTF-8 byte order mark, formula-like text cells neutralised (see `spreadsheetCsvOptions`).
 */
export function toCsv(result: unknown, separator = ','): string {
  const rows = tabulate(result);
  if (rows === undefined) {
    throw badInput(
      'Le résultat ne se met pas en CSV : attendu une liste de lignes (objets) ou un objet de lignes ; exportez toRows(state) depuis le module pour le mettre en forme',
    );
  }
  return toSpreadsheetCsv(rows, columnsOf(rows), separator);
}
