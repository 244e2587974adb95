import type { FieldError } from '../identifiers';
import type { DossierError, DossierErrorCode, DossierErrorOf } from './errors';
import { dossierError, formatError, notAuthorised } from './errors';
import type { TabStatus } from './validation/tab-status';

// DossierError is a union discriminated by `code`. Each `@ts-expect-error` line below is one
// that typecheck (`tsc`, which covers this file) must reject: should the union widen back into
// one record with optional keys, the line would compile, the directive would be unused, and
// typecheck would fail. The runtime checks only keep jest from calling the file empty.

function readsWithoutNarrowing(error: DossierError): unknown[] {
  return [
    // @ts-expect-error problems exist only on the codes that carry them (FORMAT, UNKNOWN_CARD_TYPE)
    error.problems,
    // @ts-expect-error invalidTabs exist only on INVALID_INPUT
    error.invalidTabs,
    // @ts-expect-error field is not on every code (NOT_AUTHORISED, STORE_BUSY, ... carry none)
    error.field,
  ];
}

function readsAfterNarrowing(error: DossierError): {
  readonly problems?: readonly FieldError[];
  readonly invalidTabs?: readonly TabStatus[];
} {
  if (error.code === 'FORMAT') return { problems: error.problems };
  if (error.code === 'INVALID_INPUT') return { invalidTabs: error.invalidTabs };
  if (error.code === 'NOT_AUTHORISED') {
    // @ts-expect-error a refusal of authorisation carries no problems
    return { problems: error.problems };
  }
  return {};
}

// A literal of one code takes that code's keys and no other.
const literalWithForeignKey: DossierError = {
  code: 'NOT_AUTHORISED',
  message: 'Non',
  // @ts-expect-error problems belong to FORMAT
  problems: [],
};
// @ts-expect-error INVALID_INPUT without its invalid tabs
const invalidInputWithoutTabs: DossierErrorOf<'INVALID_INPUT'> = {
  code: 'INVALID_INPUT',
  message: 'Saisie invalide',
};

function builders(): DossierError[] {
  return [
    // @ts-expect-error INVALID_INPUT is built with its invalid tabs
    dossierError('INVALID_INPUT', 'Saisie invalide'),
    // @ts-expect-error NOT_AUTHORISED carries no field
    dossierError('NOT_AUTHORISED', 'Non', { field: 'payload.siret' }),
    // @ts-expect-error EMPLOYER_IMMUTABLE names its field and its tab
    dossierError('EMPLOYER_IMMUTABLE', 'Non modifiable', { field: 'payload.siret' }),
    // @ts-expect-error AMOUNT_NOT_ALLOWED has a field and no tab
    dossierError('AMOUNT_NOT_ALLOWED', 'Trop', { field: 'payload.amountPaidCents', tab: 'Synthèse' }),
    // @ts-expect-error a code that does not exist
    dossierError('NOT_A_CODE', 'Non'),
    dossierError('DOSSIER_NOT_FOUND', 'Dossier introuvable'),
    dossierError('DOSSIER_NOT_FOUND', 'Dossier introuvable', { field: 'id' }),
  ];
}

describe('DossierError, a union by code', () => {
  it('keeps DossierErrorCode the union of the codes, and builds each error with only what its code carries', () => {
    const codes: DossierErrorCode[] = builders().map((error) => error.code);
    expect(codes).toEqual([
      'INVALID_INPUT',
      'NOT_AUTHORISED',
      'EMPLOYER_IMMUTABLE',
      'AMOUNT_NOT_ALLOWED',
      'NOT_A_CODE',
      'DOSSIER_NOT_FOUND',
      'DOSSIER_NOT_FOUND',
    ]);
    expect(builders()[6]).toEqual({ code: 'DOSSIER_NOT_FOUND', message: 'Dossier introuvable', field: 'id' });
    expect(Object.keys(notAuthorised())).toEqual(['code', 'message']);
    expect(readsWithoutNarrowing(notAuthorised())).toEqual([undefined, undefined, undefined]);
    expect(readsAfterNarrowing(formatError([]))).toEqual({ problems: [] });
    expect([literalWithForeignKey.code, invalidInputWithoutTabs.code]).toEqual([
      'NOT_AUTHORISED',
      'INVALID_INPUT',
    ]);
  });

  it('leaves optional details absent rather than undefined (the JSON on the wire is unchanged)', () => {
    expect(Object.keys(formatError([]))).toEqual(['code', 'message', 'problems']);
    expect(formatError([])).toEqual({ code: 'FORMAT', message: 'Format invalide', problems: [] });
    expect(JSON.stringify(dossierError('DOCUMENT_NOT_FOUND', 'Absent', { field: undefined }))).toBe(
      '{"code":"DOCUMENT_NOT_FOUND","message":"Absent"}',
    );
  });
});
