import type { Options } from 'csv-stringify';
import { stringify } from 'csv-stringify/sync';
import { usageError } from '../errors';

/**
 * A CSV field separator a spreadsheet can read back: one character (a tab included), neither the
 * quote csv-stringify quotes with, nor a line break or another control character, nor half a
 * surrogate pair. csv-stringify takes any string: an empty one ran the columns together and a
 * quote or a line break made a file no reader splits right, silently.
 */
const CSV_SEPARATOR = /^(?:\t|[^"\p{Cc}\p{Cs}])$/u;

/** `separator` when it is a CSV separator (see above), else a usage error naming --separator. */
export function csvSeparator(separator: string): string {
  if (!CSV_SEPARATOR.test(separator))
    throw usageError(
      // Shown escaped: a line break or a control character would not show as itself.
      `--separator « ${JSON.stringify(separator).slice(1, -1)} » : un seul caractère attendu, ni guillemet, ni saut de ligne, ni caractère de contrôle autre que la tabulation`,
    );
  return separator;
}

/**
 * The options of every CSV the CLI writes, for files opened in a spreadsheet (OWASP "CSV
 * injection"; docs/cli.md, "CSV and spreadsheets"):
 * - a text cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return (or the
 *   full-width `＝ ＋ － ＠`) gets a leading `'`, so the spreadsheet shows it as text and never
 *   runs it as a formula; headings too. A JavaScript number or bigint is written as it is
 *   (-12.5 stays a number), but the text "-12" is text and gets its `'`;
 * - a UTF-8 byte order mark first, so that Excel in French reads accents right;
 * - RFC 4180 quoting, CRLF line ends; booleans as true/false, dates as ISO-8601, objects as
 *   JSON.
 * A streaming writer (csv-stringify's `stringify(options)`) takes the same options.
 */
export function spreadsheetCsvOptions(separator: string, columns: readonly string[]): Options {
  return {
    bom: true,
    header: true,
    columns: [...columns],
    delimiter: csvSeparator(separator),
    record_delimiter: 'windows',
    // Given a record delimiter, csv-stringify no longer quotes a lone CR or LF unless told.
    quote_record_delimiter: true,
    escape_formulas: true,
    cast: {
      boolean: (value) => String(value),
      date: (value) => value.toISOString(),
      bigint: (value) => value.toString(),
      object: (value) => JSON.stringify(value),
    },
  };
}

/** Rows as a whole CSV file for spreadsheets (see `spreadsheetCsvOptions`). */
export function toSpreadsheetCsv(
  rows: readonly Record<string, unknown>[],
  columns: readonly string[],
  separator = ',',
): string {
  return stringify([...rows], spreadsheetCsvOptions(separator, columns));
}
