/**
 * The thousands separator and the space before `€` in `formatEuros`. A plain space:
 * stable across Node/ICU versions (unlike `Intl`, which moved from U+00A0 to U+202F), and
 * what tests, logs and terminals show without surprise. Screens that must not wrap can swap it
 * for U+202F.
 */
export const EUROS_SPACE = ' ';

/**
 * Formats cents in the standard French form, `12 000,00 €`: groups of three digits
 * separated by a plain space, a decimal comma, two decimals, then ` €`. Exact: works on the
 * digits, never divides a float. Throws a RangeError on a non-integer (a bug, not user input).
 */
export function formatEuros(cents: number): string {
  if (!Number.isSafeInteger(cents)) {
    throw new RangeError(`formatEuros : attendu un nombre entier de centimes, reçu ${String(cents)}`);
  }
  const sign = cents < 0 ? '-' : '';
  const digits = String(Math.abs(cents)).padStart(3, '0');
  const units = digits.slice(0, -2);
  const decimals = digits.slice(-2);
  const grouped = units.replace(/\B(?=(\d{3})+$)/g, EUROS_SPACE);
  return `${sign}${grouped},${decimals}${EUROS_SPACE}€`;
}
