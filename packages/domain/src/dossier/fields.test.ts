// The field codecs of the commands, checked one by one in the dossier folder: texts (R-11, R-17,
// the reasons of R-35), amounts in cents (R-35's granted and paid amounts), ids, and a partial
// payload's absent keys (SaveDraft). Codes and messages as the portal shows them.
import * as E from 'fp-ts/Either';
import {
  Comment,
  InternalReference,
  keepAbsent,
  LineQuantity,
  MAX_COST_LINES,
  MAX_QUANTITY,
  MAX_UNIT_AMOUNT_FORMAT_CENTS,
  optionalInt,
  OptionalReason,
  Reason,
  requiredCents,
  UnitAmountCents,
  Uuid,
} from './fields';

const problem = (code: string, message: string) => E.left({ code, message });

describe('texts', () => {
  it('R-11 R-17 trims a text, reads an empty or blank one as cleared (null), and encodes it unchanged', () => {
    expect(Comment.check('  à rappeler  ')).toEqual(E.right('à rappeler'));
    expect(Comment.check('   ')).toEqual(E.right(null));
    expect(Comment.check(undefined)).toEqual(E.right(null));
    expect(Comment.encode('à rappeler')).toBe('à rappeler');
    expect(InternalReference.check('x'.repeat(15))).toEqual(E.right('x'.repeat(15)));
    expect(InternalReference.check('x'.repeat(16))).toEqual(
      problem('TOO_LONG', '15 caractères maximum (16 saisis)'),
    );
  });

  it('R-35 requires a reason: a blank one is "Saisie obligatoire"; it is encoded unchanged', () => {
    expect(Reason.check('  ')).toEqual(problem('REQUIRED', 'Saisie obligatoire'));
    expect(Reason.check(' Devis manquant ')).toEqual(E.right('Devis manquant'));
    expect(Reason.encode('Devis manquant')).toBe('Devis manquant');
    expect(OptionalReason.check(null)).toEqual(E.right(null));
  });

  it('refuses a text a store could not keep (NUL), naming where, and what is not text', () => {
    expect(Comment.check('ab\u0000c')).toEqual(
      problem('INVALID_CHARACTER', 'Texte invalide : caractère nul (U+0000) interdit en position 3'),
    );
    expect(Reason.check(42)).toEqual(problem('NOT_TEXT', 'Texte attendu, reçu le nombre 42'));
  });
});

describe('numbers', () => {
  const Granted = requiredCents('AmountGrantedCents', 'Montant accordé');

  it('R-35 takes a granted amount from 0 to the largest total a dossier can ask, in whole cents', () => {
    const largest = MAX_UNIT_AMOUNT_FORMAT_CENTS * MAX_QUANTITY * MAX_COST_LINES;
    expect(Granted.check(0)).toEqual(E.right(0));
    expect(Granted.check(largest)).toEqual(E.right(largest));
    expect(Granted.encode(21000)).toBe(21000);
    for (const amount of [-1, largest + 1]) {
      expect(Granted.check(amount)).toEqual(
        problem('OUT_OF_RANGE', 'Montant accordé : montant positif attendu'),
      );
    }
    expect(Granted.check(10.5)).toEqual(
      problem(
        'NOT_CENTS',
        'Montant accordé : montant en centimes (nombre entier) attendu, reçu le nombre 10.5',
      ),
    );
    expect(Granted.check('100')).toEqual(
      problem('NOT_CENTS', 'Montant accordé : montant en centimes (nombre entier) attendu, reçu « 100 »'),
    );
  });

  it('R-13 takes a whole number within its bounds, or null when left empty; encodes it unchanged', () => {
    const Quantity = optionalInt('Quantity', 1, 3, 'Quantité');
    expect([null, undefined, 1, 3].map((u) => Quantity.check(u))).toEqual([
      E.right(null),
      E.right(null),
      E.right(1),
      E.right(3),
    ]);
    for (const u of [0, 4])
      expect(Quantity.check(u)).toEqual(problem('OUT_OF_RANGE', 'Quantité : entre 1 et 3 attendu'));
    expect(Quantity.encode(2)).toBe(2);
  });

  it("R-13 a cost line's unit amount or quantity that is no whole number is NOT_INTEGER, named as the tab names it", () => {
    expect(UnitAmountCents.check(1.5)).toEqual(
      problem('NOT_INTEGER', 'Montant HT en centimes : nombre entier attendu, reçu le nombre 1.5'),
    );
    expect(LineQuantity.check('2')).toEqual(
      problem('NOT_INTEGER', 'Quantité : nombre entier attendu, reçu « 2 »'),
    );
    expect(UnitAmountCents.check(-1)).toEqual(
      problem('OUT_OF_RANGE', `Montant HT en centimes : entre 0 et ${MAX_UNIT_AMOUNT_FORMAT_CENTS} attendu`),
    );
    expect(LineQuantity.check(MAX_QUANTITY + 1)).toEqual(
      problem('OUT_OF_RANGE', `Quantité : entre 1 et ${MAX_QUANTITY} attendu`),
    );
  });
});

describe('Uuid', () => {
  it('takes a lowercase UUID only', () => {
    const id = '0b6c1f2e-5a4d-4c3b-8a29-1f0e9d8c7b6a';
    expect(Uuid.check(id)).toEqual(E.right(id));
    expect(Uuid.encode(id)).toBe(id);
    expect(Uuid.check(id.toUpperCase())).toEqual(
      problem('NOT_UUID', `Identifiant UUID attendu (ex. 0b6c1f2e-…), reçu « ${id.toUpperCase()} »`),
    );
  });
});

describe('keepAbsent', () => {
  it('R-07 leaves a key left out of a partial payload absent, and checks one that is there', () => {
    const KeptComment = keepAbsent(Comment);
    expect(KeptComment.name).toBe('Comment');
    expect(KeptComment.check(undefined)).toEqual(E.right(undefined));
    expect(KeptComment.check('')).toEqual(E.right(null));
    expect(KeptComment.encode(undefined)).toBeUndefined();
    expect(KeptComment.encode('à rappeler')).toBe('à rappeler');
  });
});
