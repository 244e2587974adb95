import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { JsonValue } from '../json';
import { isJsonArray } from '../json';

/**
 * The shape a personal value takes in a stored event: `{ "$personal": "pd1.<iv>.<tag>.<ct>" }`
 * (base64url parts; AES-256-GCM over the value's JSON, the subject as additional data so that a
 * value cannot be moved to another subject's stream and still open). An object, so that no text
 * a user types can ever look like one.
 */
export type SealedValue = { readonly $personal: string };

const PREFIX = 'pd1';
const IV_BYTES = 12;

/** Whether a stored value is a sealed personal value. */
export function isSealedValue(value: JsonValue | undefined): value is { $personal: string } {
  return (
    typeof value === 'object' &&
    value !== null &&
    !isJsonArray(value) &&
    typeof value.$personal === 'string' &&
    Object.keys(value).length === 1
  );
}

/** Encrypts a value for its subject. */
export function sealValue(value: JsonValue, key: Uint8Array, subject: string): SealedValue {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(subject, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
  const parts = [iv, cipher.getAuthTag(), ciphertext].map((part) => part.toString('base64url'));
  return { $personal: [PREFIX, ...parts].join('.') };
}

/** Decrypts a sealed value; undefined when it is malformed or does not open with this key and subject. */
export function openSealedValue(
  sealed: SealedValue,
  key: Uint8Array,
  subject: string,
): JsonValue | undefined {
  const parts = sealed.$personal.split('.');
  if (parts.length !== 4 || parts[0] !== PREFIX) return undefined;
  try {
    const [iv, tag, ciphertext] = parts.slice(1).map((part) => Buffer.from(part, 'base64url'));
    const decipher = createDecipheriv('aes-256-gcm', key, iv);
    decipher.setAAD(Buffer.from(subject, 'utf8'));
    decipher.setAuthTag(tag);
    const text = Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
    return JSON.parse(text) as JsonValue;
  } catch {
    return undefined;
  }
}
