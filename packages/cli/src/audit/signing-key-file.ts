import * as fs from 'node:fs';
import type { SignatureAlgorithm, Signer } from '@cartes-badges/eventsourcing';
import { ed25519Signer, hmacSigner } from '@cartes-badges/eventsourcing';
import { badInput, messageOf, notFound } from '../errors';

/**
 * A signing key file as `cartes-badges keys generate` writes it (mode 0600): the key id, the
 * algorithm and the private part (an Ed25519 PKCS#8 PEM, or an HMAC secret in base64). It is
 * what the writing service reads (CARTES_BADGES_SIGNING_KEY or --signing-key) and what
 * `digest --sign` signs with; it never goes into the database nor its backups.
 */
export interface SigningKeyFile {
  readonly format: typeof SIGNING_KEY_FORMAT;
  readonly keyId: string;
  readonly algorithm: SignatureAlgorithm;
  readonly privateKey?: string;
  readonly secret?: string;
}

export const SIGNING_KEY_FORMAT = 'cartes-badges-signing-key/1';
const WHAT = 'attendu un fichier écrit par « cartes-badges keys generate »';

/** Writes a new file readable by its owner only; an existing file is never overwritten. */
export function writePrivateFile(file: string, text: string): void {
  try {
    fs.writeFileSync(file, text, { mode: 0o600, flag: 'wx' });
    // The umask can only remove bits: 0600 is set again in case the file system ignored it.
    fs.chmodSync(file, 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST')
      throw badInput(`${file} existe déjà : une clé n'est jamais écrasée, choisissez un autre fichier`);
    throw badInput(`Impossible d'écrire ${file} : ${messageOf(error)}`);
  }
}

/** The signer a signing key file holds; a missing or malformed file is a one-line error naming it. */
export function readSigner(file: string, option: string): Signer {
  if (!fs.existsSync(file)) throw notFound(`Clé de signature introuvable (${option}) : ${file} n'existe pas`);
  let parsed: Partial<SigningKeyFile>;
  try {
    parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<SigningKeyFile>;
  } catch (error) {
    throw badInput(`Clé de signature illisible (${option} ${file}) : ${messageOf(error)} ; ${WHAT}`);
  }
  try {
    if (parsed?.format !== SIGNING_KEY_FORMAT)
      throw new Error(`format doit valoir « ${SIGNING_KEY_FORMAT} »`);
    if (parsed.algorithm === 'ed25519' && typeof parsed.privateKey === 'string')
      return ed25519Signer(String(parsed.keyId), parsed.privateKey);
    if (parsed.algorithm === 'hmac-sha256' && typeof parsed.secret === 'string')
      return hmacSigner(String(parsed.keyId), Buffer.from(parsed.secret, 'base64'));
    throw new Error('algorithm « ed25519 » avec privateKey, ou « hmac-sha256 » avec secret, attendu');
  } catch (error) {
    throw badInput(`Clé de signature invalide (${option} ${file}) : ${messageOf(error)} ; ${WHAT}`);
  }
}
