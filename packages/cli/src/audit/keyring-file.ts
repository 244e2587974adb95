import * as fs from 'node:fs';
import type { Keyring, SignatureAlgorithm } from '@cartes-badges/eventsourcing';
import { createKeyring, ed25519VerificationKey, hmacVerificationKey } from '@cartes-badges/eventsourcing';
import { badInput, messageOf, notFound } from '../errors';

/**
 * One key of a keyring file: the key id, its algorithm, what verifies its signatures (an Ed25519
 * SPKI PEM public key, or the HMAC secret in base64), and its period of service. The dates are
 * ISO-8601 instants compared with each signed event's `recordedAt` (a digest's `createdAt`).
 */
export interface KeyringEntry {
  readonly keyId: string;
  readonly algorithm: SignatureAlgorithm;
  readonly publicKey?: string;
  readonly secret?: string;
  readonly validFrom?: string;
  readonly validUntil?: string;
  readonly revokedAt?: string;
}

/** A keyring file: what `verify --keys` reads and `keys generate` adds to. */
export interface KeyringFile {
  readonly format: typeof KEYRING_FORMAT;
  readonly keys: readonly KeyringEntry[];
}

export const KEYRING_FORMAT = 'cartes-badges-keyring/1';
const WHAT = `attendu { "format": "${KEYRING_FORMAT}", "keys": [ { keyId, algorithm, publicKey ou secret, validFrom?, validUntil?, revokedAt? } ] }`;

/** A keyring file's entries, as written (for `keys generate` to add one). */
export function readKeyringEntries(file: string, option: string): readonly KeyringEntry[] {
  if (!fs.existsSync(file)) throw notFound(`Trousseau introuvable (${option}) : ${file} n'existe pas`);
  let parsed: Partial<KeyringFile>;
  try {
    parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<KeyringFile>;
  } catch (error) {
    throw badInput(`Trousseau illisible (${option} ${file}) : ${messageOf(error)} ; ${WHAT}`);
  }
  if (parsed?.format !== KEYRING_FORMAT || !Array.isArray(parsed.keys))
    throw badInput(`Trousseau invalide (${option} ${file}) : ${WHAT}`);
  return parsed.keys;
}

/** The keyring a file describes; every key is checked (id, key material, dates). */
export function readKeyring(file: string, option: string): Keyring {
  const entries = readKeyringEntries(file, option);
  try {
    return createKeyring(
      entries.map((entry, index) => {
        const validity = {
          ...(entry.validFrom !== undefined ? { validFrom: entry.validFrom } : {}),
          ...(entry.validUntil !== undefined ? { validUntil: entry.validUntil } : {}),
          ...(entry.revokedAt !== undefined ? { revokedAt: entry.revokedAt } : {}),
        };
        try {
          if (entry.algorithm === 'ed25519' && typeof entry.publicKey === 'string')
            return ed25519VerificationKey(String(entry.keyId), entry.publicKey, validity);
          if (entry.algorithm === 'hmac-sha256' && typeof entry.secret === 'string')
            return hmacVerificationKey(String(entry.keyId), Buffer.from(entry.secret, 'base64'), validity);
          throw new Error('algorithm « ed25519 » avec publicKey, ou « hmac-sha256 » avec secret, attendu');
        } catch (error) {
          throw new Error(`keys[${index}] (${String(entry?.keyId)}) : ${messageOf(error)}`);
        }
      }),
    );
  } catch (error) {
    throw badInput(`Trousseau invalide (${option} ${file}) : ${messageOf(error)}`);
  }
}

/**
 * Writes a keyring file, whole or not at all. One holding an HMAC secret can sign as well as
 * verify: it is written readable by its owner only, like a signing key.
 */
export function writeKeyringFile(file: string, keys: readonly KeyringEntry[]): void {
  const secret = keys.some((key) => key.secret !== undefined);
  const text = `${JSON.stringify({ format: KEYRING_FORMAT, keys } satisfies KeyringFile, null, 2)}\n`;
  // Written beside and renamed over: a process killed mid-write leaves the old keyring whole,
  // never half of one (the auditors' only copy of which keys to trust).
  const partial = `${file}.${process.pid}.partial`;
  try {
    fs.writeFileSync(partial, text, secret ? { mode: 0o600 } : {});
    if (secret) fs.chmodSync(partial, 0o600);
    fs.renameSync(partial, file);
  } catch (error) {
    fs.rmSync(partial, { force: true });
    throw badInput(`Impossible d'écrire le trousseau ${file} : ${messageOf(error)}`);
  }
}
