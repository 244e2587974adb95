/** A column of a text table: its heading and how to read a cell from a row. */
export interface Column<Row> {
  readonly heading: string;
  readonly cell: (row: Row) => string;
  /** Right-align (numbers, amounts). */
  readonly right?: boolean;
  /** Cut longer cells to this many characters, with an ellipsis. */
  readonly max?: number;
}

const width = (text: string): number => [...text].length;

function fit(text: string, max: number | undefined): string {
  if (max === undefined || width(text) <= max) return text;
  return [...text].slice(0, max - 1).join('') + '…';
}

/** Renders rows as an aligned text table with a heading line, for people (not for programs). */
export function renderTable<Row>(columns: readonly Column<Row>[], rows: readonly Row[]): string {
  const cells = rows.map((row) => columns.map((c) => fit(c.cell(row).replace(/\s+/g, ' '), c.max)));
  const widths = columns.map((c, i) => Math.max(width(c.heading), ...cells.map((r) => width(r[i]))));
  const line = (values: readonly string[]): string =>
    values
      .map((v, i) => {
        const pad = ' '.repeat(widths[i] - width(v));
        return columns[i].right ? pad + v : v + pad;
      })
      .join('  ')
      .trimEnd();
  return [
    line(columns.map((c) => c.heading)),
    line(widths.map((w) => '─'.repeat(w))),
    ...cells.map(line),
  ].join('\n');
}
