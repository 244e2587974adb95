import {
  checkSubject,
  isStorableSubject,
  PersonalDataErasedError,
  SUBJECT_KEY_BYTES,
} from './personal-data-keys';

describe('subject ids every key store can keep', () => {
  it('takes non-empty text up to 200 characters, refuses 201, empty, NUL and what is not text', () => {
    expect(isStorableSubject('d')).toBe(true);
    expect(isStorableSubject('x'.repeat(200))).toBe(true);
    expect(isStorableSubject('x'.repeat(201))).toBe(false);
    expect(isStorableSubject('')).toBe(false);
    expect(isStorableSubject('dossier-\u0000')).toBe(false);
    for (const value of [undefined, null, 42, ['dossier-1'], { id: 'dossier-1' }])
      expect(isStorableSubject(value)).toBe(false);
  });

  it('checkSubject names what was expected and shows the start of what was given', () => {
    expect(() => checkSubject('dossier-1')).not.toThrow();
    expect(() => checkSubject('x'.repeat(200))).not.toThrow();
    const shownStart = `got "${'y'.repeat(59)}`;
    expect(() => checkSubject('y'.repeat(300))).toThrow(
      new TypeError(
        `Personal data subject: non-empty text of at most 200 characters expected, ${shownStart}`,
      ),
    );
    expect(() => checkSubject('y'.repeat(300))).toThrow(TypeError);
    expect(() => checkSubject('')).toThrow('got ""');
  });

  it('keys are AES-256 keys, and an erased subject is named by its error', () => {
    expect(SUBJECT_KEY_BYTES).toBe(32);
    const error = new PersonalDataErasedError('dossier-9');
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('PersonalDataErasedError');
    expect(error.code).toBe('PERSONAL_DATA_ERASED');
    expect(error.subject).toBe('dossier-9');
    expect(error.message).toBe(
      'The personal data of dossier-9 was erased: no personal value can be written for it again',
    );
  });
});
