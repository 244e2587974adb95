import * as fs from 'node:fs';
import type { Digest, Keyring, SignatureProblem } from '@cartes-badges/eventsourcing';
import { checkDigestSignature } from '@cartes-badges/eventsourcing';
import { badInput, CliError, EXIT, messageOf, notFound, usageError } from '../errors';

const HASH = /^[0-9a-f]{64}$/;
const WHAT = 'attendu un fichier écrit par « cartes-badges digest > digest.json »';

/** A saved digest, and the key that signed it when its signature was checked. */
export interface ReadDigest {
  readonly digest: Digest;
  readonly signedBy?: string;
}

// Why a digest's signature is refused, in French, for the auditor.
function refusal(file: string, problem: SignatureProblem, keyId: string, createdAt: unknown): string {
  const reasons: Record<SignatureProblem, string> = {
    unsigned: "il n'est pas signé (avec --keys, seul un digest écrit par « digest --sign » est accepté)",
    unknown_key: `il est signé par la clé ${keyId}, que le trousseau ne contient pas`,
    bad_signature: 'sa signature ne correspond pas à son contenu : le digest ou sa signature a été modifié',
    key_not_valid: `il est daté du ${String(createdAt)}, hors de la période de service de la clé ${keyId}`,
    key_revoked: `il est daté du ${String(createdAt)}, après la révocation de la clé ${keyId}`,
  };
  return `Digest refusé (${file}) : ${reasons[problem]} ; rien n'a été vérifié avec lui`;
}

/**
 * Reads a saved digest. With a keyring its signature is checked FIRST, on the file as read,
 * before anything in it is trusted: refused (exit 1) unless a key of the keyring signed it. A
 * signed digest without a keyring is refused too (exit 2): its signature would go unchecked.
 * A missing, unreadable or malformed digest is a one-line error.
 */
export function readDigestFile(file: string, keyring?: Keyring): ReadDigest {
  if (!fs.existsSync(file)) throw notFound(`Digest introuvable : ${file} n'existe pas`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw badInput(`Digest illisible (${file}) : JSON invalide (${messageOf(error)}) ; ${WHAT}`);
  }
  let signedBy: string | undefined;
  if (keyring !== undefined && typeof parsed === 'object' && parsed !== null) {
    const check = checkDigestSignature(parsed, keyring);
    if (!check.ok) {
      const { signature, createdAt } = parsed as { signature?: { keyId?: unknown }; createdAt?: unknown };
      throw new CliError(
        refusal(file, check.problem, String(signature?.keyId), createdAt),
        EXIT.verificationFailed,
      );
    }
    signedBy = check.keyId;
  } else if (keyring === undefined && (parsed as { signature?: unknown } | null)?.signature !== undefined) {
    throw usageError(
      `Le digest ${file} est signé : donnez le trousseau (--keys <trousseau.json>) pour vérifier sa signature avant de s'y fier`,
    );
  }
  const problem = digestProblem(parsed);
  if (problem) throw badInput(`Digest invalide (${file}) : ${problem} ; ${WHAT}`);
  return { digest: parsed as Digest, ...(signedBy !== undefined ? { signedBy } : {}) };
}

function digestProblem(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'un objet JSON est attendu';
  const d = value as Record<string, unknown>;
  if (typeof d.createdAt !== 'string' || Number.isNaN(Date.parse(d.createdAt)))
    return 'createdAt doit être une date ISO-8601';
  if (typeof d.lastPosition !== 'string' || !/^\d+$/.test(d.lastPosition))
    return 'lastPosition doit être un entier écrit en texte';
  if (typeof d.streams !== 'object' || d.streams === null || Array.isArray(d.streams))
    return 'streams doit être un objet { flux: { version, headHash } }';
  for (const [streamId, head] of Object.entries(d.streams as Record<string, unknown>)) {
    const h = head as { version?: unknown; headHash?: unknown } | null;
    if (typeof h !== 'object' || h === null) return `streams["${streamId}"] doit être un objet`;
    if (!Number.isInteger(h.version) || (h.version as number) < 0)
      return `streams["${streamId}"].version doit être un entier ≥ 0`;
    if (typeof h.headHash !== 'string' || !HASH.test(h.headHash))
      return `streams["${streamId}"].headHash doit être une empreinte SHA-256 (64 caractères hexadécimaux)`;
  }
  return undefined;
}
