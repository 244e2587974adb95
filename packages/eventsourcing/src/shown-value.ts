/**
 * A value a caller gave, as an error message shows it so that a reader recognises it: `5n`,
 * `"text"` (quoted, so `"3"` is told apart from `3`), `["a-"]` (a list printed as text loses its
 * brackets), anything else as it prints.
 */
export function shownValue(value: unknown): string {
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'object' && value !== null) {
    try {
      return JSON.stringify(value);
    } catch {
      return String(value);
    }
  }
  return String(value);
}
