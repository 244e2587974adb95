// R-41's exception for La Poste (SIREN 356000000): a digit sum that is a multiple of 5 stands for
// the Luhn key, for La Poste only and only when it is a multiple of 5 (the mutation run of
// issue 20 found both sides of the rule untried).
import { isValidSiret } from './siret';

describe("R-41 La Poste's SIRET key", () => {
  it('R-41 accepts a La Poste SIRET whose digit sum is a multiple of 5 though Luhn refuses it', () => {
    expect(isValidSiret('35600000009075')).toBe(true); // digit sum 35
  });

  it('R-41 refuses a La Poste SIRET whose digit sum is not a multiple of 5', () => {
    expect(isValidSiret('35600000009076')).toBe(false); // digit sum 36
  });

  it('R-41 refuses another company whose SIRET has a digit sum multiple of 5 but a wrong key', () => {
    expect(isValidSiret('73282932000077')).toBe(false); // digit sum 50
  });
});
