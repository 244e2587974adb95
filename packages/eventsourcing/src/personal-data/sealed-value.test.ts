import { randomBytes } from 'node:crypto';
import type { JsonValue } from '../json';
import { isSealedValue, openSealedValue, sealValue } from './sealed-value';

// The sealed form is what an auditor finds in the stored events and what erasure relies on:
// AES-256-GCM with a fresh IV per value and the subject bound as additional data.
const key = randomBytes(32);
const parts = (sealed: { $personal: string }) => sealed.$personal.split('.');

describe('sealValue / openSealedValue', () => {
  it.each<[string, JsonValue]>([
    ['text', 'jeanne@exemple.fr'],
    ['a number', 42],
    ['an object', { nom: 'Dupont', prenoms: ['Jeanne', 'Marie'] }],
    ['text with accents and emoji', 'Élodie 🚚'],
    ['false', false],
  ])('gives %s back unchanged with the same key and subject', (_name, value) => {
    expect(openSealedValue(sealValue(value, key, 'dossier-1'), key, 'dossier-1')).toEqual(value);
  });

  it('writes pd1.<iv>.<tag>.<ciphertext>: a 12-byte IV, a 16-byte tag, base64url parts, no clear text', () => {
    const sealed = sealValue('jeanne@exemple.fr', key, 'dossier-1');
    expect(Object.keys(sealed)).toEqual(['$personal']);
    const [prefix, iv, tag, ciphertext] = parts(sealed);
    expect(parts(sealed)).toHaveLength(4);
    expect(prefix).toBe('pd1');
    for (const part of [iv, tag, ciphertext]) expect(part).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(Buffer.from(iv, 'base64url')).toHaveLength(12);
    expect(Buffer.from(tag, 'base64url')).toHaveLength(16);
    // The JSON text of the value, "jeanne@exemple.fr" with its quotes: 19 bytes (GCM adds none).
    expect(Buffer.from(ciphertext, 'base64url')).toHaveLength(19);
    expect(sealed.$personal).not.toContain('jeanne');
  });

  it('draws a fresh IV for every value: the same value sealed twice differs', () => {
    const first = sealValue('same', key, 'dossier-1');
    const second = sealValue('same', key, 'dossier-1');
    expect(parts(first)[1]).not.toBe(parts(second)[1]);
    expect(first.$personal).not.toBe(second.$personal);
  });

  it('does not open under another subject (a value moved to another stream), nor with another key', () => {
    const sealed = sealValue('secret', key, 'dossier-1');
    expect(openSealedValue(sealed, key, 'dossier-2')).toBeUndefined();
    expect(openSealedValue(sealed, randomBytes(32), 'dossier-1')).toBeUndefined();
  });

  it('does not open when any part was altered, and refuses a form it does not know', () => {
    const sealed = sealValue('secret', key, 'dossier-1');
    const [prefix, iv, tag, ciphertext] = parts(sealed);
    const flip = (part: string) => {
      const bytes = Buffer.from(part, 'base64url');
      bytes[0] ^= 1;
      return bytes.toString('base64url');
    };
    const forms = [
      [prefix, flip(iv), tag, ciphertext],
      [prefix, iv, flip(tag), ciphertext],
      [prefix, iv, tag, flip(ciphertext)],
      ['pd2', iv, tag, ciphertext],
      [prefix, iv, tag],
      [prefix, iv, tag, ciphertext, ciphertext],
      [iv, tag, ciphertext, prefix],
    ];
    for (const form of forms)
      expect(openSealedValue({ $personal: form.join('.') }, key, 'dossier-1')).toBeUndefined();
    expect(openSealedValue({ $personal: '' }, key, 'dossier-1')).toBeUndefined();
  });
});

describe('isSealedValue', () => {
  it('knows the sealed form, only it', () => {
    expect(isSealedValue(sealValue('x', key, 'dossier-1'))).toBe(true);
    expect(isSealedValue({ $personal: 'anything' })).toBe(true);
    // A value a user typed never looks sealed: not text, not an array, not with other keys.
    for (const value of [
      'pd1.a.b.c',
      null,
      undefined,
      42,
      [{ $personal: 'x' }],
      { $personal: 1 },
      { $personal: 'x', other: 1 },
      {},
      { personal: 'x' },
    ] as (JsonValue | undefined)[])
      expect(isSealedValue(value)).toBe(false);
  });

  it('refuses an array even when it carries a $personal property', () => {
    const array = Object.assign([], { $personal: 'x' }) as unknown as JsonValue;
    expect(isSealedValue(array)).toBe(false);
  });
});
