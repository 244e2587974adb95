// Which identifiers drop which characters: separators between digits for SIREN and SIRET
// only, inner spaces for NDA and UAI only; any other check keeps the text as typed, trimmed.
// The mutation run of issue 20 (pnpm mutation identifiers) found these options untried.
import * as E from 'fp-ts/Either';
import { Email } from './email';
import { Naf } from './naf';
import { Siren } from './siren';

describe('separators and spaces (R-41)', () => {
  it('R-41 removes a run of several separators between two digits of a SIREN', () => {
    expect(Siren.decode('732  829 - 320')).toEqual(E.right('732829320'));
  });

  it('R-41 leaves the dots between digits of an email alone', () => {
    expect(Email.decode(' claire.1.2@b.fr ')).toEqual(E.right('claire.1.2@b.fr'));
  });

  it('R-41 refuses a NAF code with a space inside (only NDA and UAI drop inner spaces)', () => {
    expect(E.isLeft(Naf.decode('78 20Z'))).toBe(true);
  });
});
