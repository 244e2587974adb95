import * as E from 'fp-ts/Either';
import * as t from 'io-ts';
import { fieldErrorsOf } from './decode-field';
import { knownFieldsOnly } from './known-fields';
import { assertLeft } from '@cartes-badges/eventsourcing/testing';

const Line = knownFieldsOnly(t.type({ amount: t.number }), 'Line');
const Form = knownFieldsOnly(
  t.intersection([t.type({ name: t.string, lines: t.array(Line) }), t.partial({ note: t.string })]),
  'Form',
);

describe('knownFieldsOnly (R-42)', () => {
  it('R-42 accepts the known keys of every member of an intersection, and gives the value unchanged', () => {
    const value = { name: 'a', note: 'b', lines: [{ amount: 1 }] };
    expect(Form.decode(value)).toEqual(E.right(value));
    expect(Form.is(value)).toBe(true);
  });

  it('R-42 refuses each unknown key, nested ones included, with its path, code and the accepted fields', () => {
    const value = { name: 'a', nmae: 'a', lines: [{ amount: 1 }, { amount: 2, amuont: 2 }] };
    expect(Form.is(value)).toBe(false);
    const decoded = Form.decode(value);
    expect(fieldErrorsOf(assertLeft(decoded))).toEqual([
      {
        code: 'UNKNOWN_FIELD',
        field: 'nmae',
        kind: 'format',
        message: 'Champ inconnu : nmae (champs acceptés : name, lines, note)',
      },
      {
        code: 'UNKNOWN_FIELD',
        field: 'lines.1.amuont',
        kind: 'format',
        message: 'Champ inconnu : amuont (champs acceptés : amount)',
      },
    ]);
  });

  it('ignores keys set to undefined and leaves non-objects to the inner codec', () => {
    expect(Line.decode({ amount: 1, extra: undefined })).toEqual(E.right({ amount: 1, extra: undefined }));
    const decoded = Line.decode(null);
    expect(fieldErrorsOf(assertLeft(decoded))[0].code).toBe('INVALID_FORMAT');
  });

  it('refuses, when built, a codec whose keys it cannot know', () => {
    expect(() => knownFieldsOnly(t.string)).toThrow(/not an object codec/);
  });
});
