import type { TableColumn, TableRow } from './table-columns';

// JSON has no 64-bit integers: a bigint is written as a number while it is exact, else as text.
const jsonSafe = (value: unknown): unknown =>
  typeof value === 'bigint'
    ? value <= BigInt(Number.MAX_SAFE_INTEGER) && value >= BigInt(Number.MIN_SAFE_INTEGER)
      ? Number(value)
      : value.toString()
    : value;

/** Rows as newline-delimited JSON: one object a line, JSON columns nested as they are. */
export function ndjsonText(columns: readonly TableColumn[], rows: readonly TableRow[]): string {
  let text = '';
  for (const row of rows) {
    const record: Record<string, unknown> = {};
    columns.forEach((column, i) => (record[column.name] = jsonSafe(row[i] ?? null)));
    text += `${JSON.stringify(record)}\n`;
  }
  return text;
}
