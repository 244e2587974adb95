import { badInput } from '../errors';

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

function cell(value: unknown, separator: string): string {
  if (value === null || value === undefined) return '';
  const text =
    typeof value === 'object'
      ? JSON.stringify(value)
      : typeof value === 'bigint'
        ? value.toString()
        : String(value);
  return /["\r\n]/.test(text) || text.includes(separator) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** RFC 4180 CSV (CRLF line ends), with a heading line. */
export function toCsv(result: unknown, separator = ','): string {
  const rows = tabulate(result);
  if (rows === undefined) {
    throw badInput(
      'Le résultat ne se met pas en CSV : attendu une liste de lignes (objets) ou un objet de lignes ; exportez toRows(state) depuis le module pour le mettre en forme',
    );
  }
  const columns = columnsOf(rows);
  const lines = [columns.map((c) => cell(c, separator)).join(separator)];
  for (const row of rows) lines.push(columns.map((c) => cell(row[c], separator)).join(separator));
  return `${lines.join('\r\n')}\r\n`;
}
