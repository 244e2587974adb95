// people type SIREN and SIRET as printed or as their software writes them
// ("732 829 320", "732-829-320-00074", "732.829.320.00074"). A separator between two digits
// carries no meaning; anywhere else (leading, trailing, next to a letter) it is kept, so the
// identifier's own check refuses it as a format error.
const SEPARATORS_BETWEEN_DIGITS = /(?<=\d)[\s\u00a0\u202f.-]+(?=\d)/g;

/** An identifier as typed, trimmed, with the spaces, dots and hyphens between its digits removed. */
export function withoutDigitSeparators(input: string): string {
  return input.trim().replace(SEPARATORS_BETWEEN_DIGITS, '');
}
