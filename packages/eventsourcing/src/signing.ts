import * as crypto from 'node:crypto';
import { isIsoDateOrInstant } from './iso-instant';

/**
 * What signs appends: the writing service holds it, the database does not. Synchronous because
 * stores sign inside their write transaction (SQLite's is synchronous).
 */
export interface Signer {
  /** Names the key in each signed event (`metadata.keyId`), so verifiers pick the right one. */
  readonly keyId: string;
  /** The signature (base64) of a message. */
  sign(message: Uint8Array): string;
}

/** The signature schemes a key can use. */
export type SignatureAlgorithm = 'ed25519' | 'hmac-sha256';

/**
 * A key a verifier trusts, with the period its signatures are accepted in. The dates are
 * compared with the `recordedAt` of the signed event (or the `createdAt` of a signed digest).
 */
export interface VerificationKey {
  readonly keyId: string;
  readonly algorithm: SignatureAlgorithm;
  /** ISO-8601: signatures dated before are refused (the key was not in service yet). */
  readonly validFrom?: string;
  /** ISO-8601: the key was retired by a rotation; signatures dated from then on are refused. */
  readonly validUntil?: string;
  /** ISO-8601: the key was revoked (lost, stolen); signatures dated from then on are refused. */
  readonly revokedAt?: string;
  /** Whether `signature` (base64) signs `message` with this key. */
  verify(message: Uint8Array, signature: string): boolean;
}

/** The keys a verifier trusts, by key id. */
export type Keyring = ReadonlyMap<string, VerificationKey>;

/** Key pairs and secrets are given as PEM text, DER bytes or node KeyObjects. */
export type KeyMaterial = string | Buffer | crypto.KeyObject;

const KEY_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** Refuses a key id that could not be a file name or be told apart in a report. */
export function checkKeyId(keyId: string): string {
  if (typeof keyId !== 'string' || !KEY_ID.test(keyId))
    throw new Error(
      `Invalid key id ${JSON.stringify(String(keyId)).slice(0, 80)}: expected 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit`,
    );
  return keyId;
}

function ed25519Key(material: KeyMaterial, kind: 'private' | 'public'): crypto.KeyObject {
  const key =
    material instanceof crypto.KeyObject
      ? material
      : kind === 'private'
        ? crypto.createPrivateKey(material)
        : crypto.createPublicKey(material);
  if (key.asymmetricKeyType !== 'ed25519' || (kind === 'private' && key.type !== 'private'))
    throw new Error(
      `Expected an Ed25519 ${kind} key, got a ${key.asymmetricKeyType ?? key.type} ${key.type} key`,
    );
  return key;
}

/** A signer with an Ed25519 private key: verifiers need only its public key and cannot forge. */
export function ed25519Signer(keyId: string, privateKey: KeyMaterial): Signer {
  const key = ed25519Key(privateKey, 'private');
  return { keyId: checkKeyId(keyId), sign: (message) => crypto.sign(null, message, key).toString('base64') };
}

/** Options of a verification key: its period of validity. */
export interface KeyValidity {
  readonly validFrom?: string;
  readonly validUntil?: string;
  readonly revokedAt?: string;
}

function checkedValidity(validity: KeyValidity): KeyValidity {
  // Not Date.parse alone: it reads a time without offset in the verifier's own time zone (two
  // auditors, two periods) and rolls 30 February over to March.
  for (const [name, value] of Object.entries(validity))
    if (value !== undefined && !isIsoDateOrInstant(value))
      throw new Error(
        `Invalid ${name} ${JSON.stringify(value)}: expected an ISO-8601 day or instant with its offset, such as 2026-02-01T00:00:00Z`,
      );
  return validity;
}

/** A verification key from an Ed25519 public key (a private key is accepted: its public half is used). */
export function ed25519VerificationKey(
  keyId: string,
  publicKey: KeyMaterial,
  validity: KeyValidity = {},
): VerificationKey {
  const key =
    publicKey instanceof crypto.KeyObject && publicKey.type === 'private'
      ? crypto.createPublicKey(publicKey)
      : ed25519Key(publicKey, 'public');
  return {
    keyId: checkKeyId(keyId),
    algorithm: 'ed25519',
    ...checkedValidity(validity),
    verify: (message, signature) => {
      const bytes = signatureBytes(signature, 64);
      return bytes !== undefined && crypto.verify(null, message, key, bytes);
    },
  };
}

function hmacSecret(secret: KeyMaterial): Buffer {
  const bytes =
    secret instanceof crypto.KeyObject
      ? secret.export()
      : Buffer.isBuffer(secret)
        ? secret
        : Buffer.from(secret);
  if (!Buffer.isBuffer(bytes) || bytes.length < 32)
    throw new Error('An HMAC-SHA-256 secret needs 32 bytes at least');
  return bytes;
}

/**
 * A signer with an HMAC-SHA-256 secret: fast, but whoever verifies holds the secret and so can
 * sign too (docs/audit.md says when that is acceptable).
 */
export function hmacSigner(keyId: string, secret: KeyMaterial): Signer {
  const bytes = hmacSecret(secret);
  return {
    keyId: checkKeyId(keyId),
    sign: (message) => crypto.createHmac('sha256', bytes).update(message).digest('base64'),
  };
}

/** A verification key from an HMAC-SHA-256 secret. */
export function hmacVerificationKey(
  keyId: string,
  secret: KeyMaterial,
  validity: KeyValidity = {},
): VerificationKey {
  const bytes = hmacSecret(secret);
  return {
    keyId: checkKeyId(keyId),
    algorithm: 'hmac-sha256',
    ...checkedValidity(validity),
    verify: (message, signature) => {
      const given = signatureBytes(signature, 32);
      const expected = crypto.createHmac('sha256', bytes).update(message).digest();
      return given !== undefined && crypto.timingSafeEqual(given, expected);
    },
  };
}

// The bytes of a base64 signature of the expected length; undefined for anything else (Node's
// base64 decoder skips characters it does not know, so the text is checked first).
function signatureBytes(signature: string, length: number): Buffer | undefined {
  if (typeof signature !== 'string' || !/^[A-Za-z0-9+/]+={0,2}$/.test(signature)) return undefined;
  const bytes = Buffer.from(signature, 'base64');
  return bytes.length === length && bytes.toString('base64') === signature ? bytes : undefined;
}

/** A keyring from its keys; two keys with one id are refused. */
export function createKeyring(keys: readonly VerificationKey[]): Keyring {
  const keyring = new Map<string, VerificationKey>();
  for (const key of keys) {
    if (keyring.has(key.keyId)) throw new Error(`Two keys have the id ${key.keyId} in one keyring`);
    keyring.set(key.keyId, key);
  }
  return keyring;
}

/** A fresh Ed25519 key pair, as PEM texts (PKCS#8 private key, SPKI public key). */
export function generateEd25519KeyPair(): { readonly privateKeyPem: string; readonly publicKeyPem: string } {
  const { privateKey, publicKey } = crypto.generateKeyPairSync('ed25519');
  return {
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
}

// What is signed starts with what it is, so that an event's signature cannot pass for a
// digest's, nor the other way round.
/** The message an event signature signs: its hash, in a text that says it is an event's. */
export function eventSignatureMessage(hash: string): Buffer {
  return Buffer.from(`cartes-badges event hash ${hash}`, 'utf8');
}

/** The message a digest signature signs: the digest's canonical JSON, said to be a digest's. */
export function digestSignatureMessage(canonicalDigest: string): Buffer {
  return Buffer.from(`cartes-badges digest ${canonicalDigest}`, 'utf8');
}

/** Why a key refuses a signature dated `at`, or undefined when the key was in service then. */
export function keyPeriodProblem(
  key: VerificationKey,
  at: string,
): 'key_not_valid' | 'key_revoked' | undefined {
  const time = Date.parse(at);
  if (Number.isNaN(time)) return 'key_not_valid';
  if (key.revokedAt !== undefined && time >= Date.parse(key.revokedAt)) return 'key_revoked';
  if (key.validFrom !== undefined && time < Date.parse(key.validFrom)) return 'key_not_valid';
  if (key.validUntil !== undefined && time >= Date.parse(key.validUntil)) return 'key_not_valid';
  return undefined;
}
