import { AssertionError } from 'node:assert';
import * as E from 'fp-ts/Either';
import { dossierError, formatError, notAuthorised } from '../dossier';
import { assertErrorCode, assertRefusal } from './refusal';

describe('assertRefusal and assertErrorCode', () => {
  it('hand back the refusal of the code asked for, typed as that code’s error', () => {
    const format = formatError([]);
    expect(assertRefusal(E.left(format), 'FORMAT').problems).toEqual([]);
    const tabs = dossierError('INVALID_INPUT', 'Saisie invalide', { invalidTabs: [] });
    expect(assertErrorCode(tabs, 'INVALID_INPUT').invalidTabs).toEqual([]);
  });

  it('fail with an AssertionError naming the code found, or showing the Right', () => {
    expect(() => assertErrorCode(notAuthorised('Non'), 'FORMAT')).toThrow(AssertionError);
    expect(() => assertErrorCode(notAuthorised('Non'), 'FORMAT')).toThrow(
      'Expected a refusal FORMAT, got NOT_AUTHORISED: Non',
    );
    expect(() => assertRefusal(E.right({ events: [] }), 'FORMAT')).toThrow(
      'Expected a Left, got the Right {"events":[]}',
    );
  });
});
