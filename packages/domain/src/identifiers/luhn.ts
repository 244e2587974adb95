const DIGITS = /^\d+$/;

/** Sum of the Luhn weights of a digit string (every second digit from the right doubled). */
function luhnSum(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum;
}

/** True when `s` is a non-empty digit string whose Luhn checksum is valid (SIREN, SIRET). */
export function luhn(s: string): boolean {
  return typeof s === 'string' && DIGITS.test(s) && luhnSum(s) % 10 === 0;
}

/** The check digit that makes `partial + digit` Luhn-valid; used to generate fixtures. */
export function luhnCheckDigit(partial: string): string {
  if (!DIGITS.test(partial)) throw new RangeError(`luhnCheckDigit: attendu des chiffres, reçu "${partial}"`);
  const sum = luhnSum(`${partial}0`);
  return String((10 - (sum % 10)) % 10);
}

/** Plain digit sum, for the La Poste SIRET exception. */
export function digitSum(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) sum += digits.charCodeAt(i) - 48;
  return sum;
}
