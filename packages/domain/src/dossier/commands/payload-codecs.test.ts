// The payload codecs of the commands, in the dossier folder: the contact email, the
// provider search, the cost lines and an uploaded file's content.
import * as E from 'fp-ts/Either';
import { CostLineList, FileContent, OptionalEmail, ProviderSearch } from './payload-codecs';

const problem = (code: string, message: string) => E.left({ code, message });
const line = { nature: 'Achat Matériel' as const, unitAmountCents: 5250, quantity: 4 };

describe('OptionalEmail', () => {
  it('R-06 reads an emptied or blank email as cleared (null), checks any other, encodes it unchanged', () => {
    expect(['', '   ', null, undefined].map((u) => OptionalEmail.check(u))).toEqual([
      E.right(null),
      E.right(null),
      E.right(null),
      E.right(null),
    ]);
    expect(OptionalEmail.check('amoa1@hum-interim.fr')).toEqual(E.right('amoa1@hum-interim.fr'));
    expect(E.isLeft(OptionalEmail.check('amoa1'))).toBe(true);
    expect(OptionalEmail.encode(null)).toBeNull();
  });
});

describe('ProviderSearch', () => {
  it('R-12 R-41 takes a SIREN or a SIRET as typed, with separators', () => {
    expect(ProviderSearch.check('812 345 676')).toEqual(E.right('812345676'));
    expect(ProviderSearch.check('812.345.676-00017')).toEqual(E.right('81234567600017'));
    expect(ProviderSearch.encode('812345676' as never)).toBe('812345676');
  });

  it('R-12 says what is wrong with anything else', () => {
    expect(ProviderSearch.check('')).toEqual(problem('REQUIRED', 'Saisie obligatoire'));
    expect(ProviderSearch.check('8123')).toEqual(
      problem(
        'PROVIDER_SEARCH_FORMAT',
        "« 8123 » n'est ni un SIREN (9 chiffres) ni un SIRET (14 chiffres) de prestataire",
      ),
    );
    expect(ProviderSearch.check(812345676)).toEqual(
      problem(
        'PROVIDER_SEARCH_FORMAT',
        'Saisir le SIREN ou SIRET du prestataire (reçu : le nombre 812345676)',
      ),
    );
    expect(ProviderSearch.check('812345677')).toEqual(expect.objectContaining({ _tag: 'Left' }));
  });
});

describe('CostLineList', () => {
  it('R-13 takes up to 10 cost lines and refuses an eleventh, saying how many came', () => {
    const ten = Array.from({ length: 10 }, () => line);
    const eleven = [...ten, line];
    expect(CostLineList.is(ten)).toBe(true);
    expect(CostLineList.is(eleven)).toBe(false);
    expect(CostLineList.is([{ ...line, quantity: 0 }])).toBe(false);
    // One bad line among good ones is enough: every line is checked, not just one of them.
    expect(CostLineList.is([line, { ...line, quantity: 0 }])).toBe(false);
    expect(CostLineList.is('lignes')).toBe(false);
    expect(CostLineList.decode(ten)).toEqual(E.right(ten));
    const refused = CostLineList.decode(eleven);
    expect(E.isLeft(refused) && refused.left.map((e) => e.message)).toEqual([
      '10 lignes de coût maximum (11 reçues)',
    ]);
    expect(CostLineList.encode(ten)).toEqual(ten);
  });
});

describe('FileContent', () => {
  it('R-20 takes the bytes, or base64 text, and nothing else', () => {
    const bytes = new Uint8Array([0x25, 0x50, 0x44, 0x46]);
    expect(FileContent.check(bytes)).toEqual(E.right(bytes));
    expect(FileContent.check('JVBERg==')).toEqual(E.right(bytes));
    expect(FileContent.check('')).toEqual(E.right(new Uint8Array()));
    expect(FileContent.encode(bytes)).toBe(bytes);
    for (const [u, received] of [
      ['JVBE Rg==', '« JVBE Rg== »'],
      ['JVBERg===', '« JVBERg=== »'],
      [42, 'le nombre 42'],
    ] as const) {
      expect(FileContent.check(u)).toEqual(
        problem('FILE_CONTENT', `Contenu du fichier attendu (octets ou base64), reçu ${received}`),
      );
    }
  });
});
