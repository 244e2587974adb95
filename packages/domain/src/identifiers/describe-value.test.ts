// a format error says what it received. Each kind of value a hostile or clumsy client can
// send is named in French; only some were asserted through the identifier checks.
import { describeValue } from './describe-value';
import { ECHO_LIMIT } from './user-text';

describe('describeValue (R-08)', () => {
  it.each([
    [undefined, 'aucune valeur'],
    [null, 'la valeur null'],
    [52.5, 'le nombre 52.5'],
    [0, 'le nombre 0'],
    [true, 'le booléen true'],
    [false, 'le booléen false'],
    [[1, 2], 'une liste'],
    [[], 'une liste'],
    [{ siren: '732829320' }, 'une valeur de type object'],
    [10n, 'une valeur de type bigint'],
    ['732 829 320', '« 732 829 320 »'],
    ['', '«  »'],
  ])('R-08 names %p as %j', (value, described) => {
    expect(describeValue(value)).toBe(described);
  });

  it('R-08 cuts a long text after ECHO_LIMIT characters', () => {
    const long = 'a'.repeat(ECHO_LIMIT + 20);
    expect(describeValue(long)).toBe(`« ${'a'.repeat(ECHO_LIMIT)}… »`);
  });
});
