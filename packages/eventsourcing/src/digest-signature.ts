import { canonicalJson } from './canonical-json';
import type { Digest } from './digest';
import type { JsonValue } from './json';
import type { SignatureProblem } from './signature-check';
import type { Keyring, Signer } from './signing';
import { digestSignatureMessage, keyPeriodProblem } from './signing';

/** Who signed a digest, and the signature (base64) of everything else in it. */
export interface DigestSignature {
  readonly keyId: string;
  readonly value: string;
}

/** A digest with its signature: what an auditor archives outside the database. */
export interface SignedDigest extends Digest {
  readonly signature: DigestSignature;
}

// What a digest's signature signs: the canonical JSON of every key but `signature`, so that a
// digest re-indented by an editor still verifies and any changed character anywhere does not.
function signedMessage(digest: object): Buffer {
  const { signature: _signature, ...signed } = digest as Record<string, unknown>;
  return digestSignatureMessage(canonicalJson(signed as JsonValue));
}

/** Signs a digest with the service's or the auditor's key. */
export function signDigest(digest: Digest, signer: Signer): SignedDigest {
  const { signature: _previous, ...unsigned } = digest as Digest & { signature?: unknown };
  return { ...unsigned, signature: { keyId: signer.keyId, value: signer.sign(signedMessage(unsigned)) } };
}

/** Whether a digest's signature holds, by which key, or why not. */
export type DigestSignatureCheck =
  | { readonly ok: true; readonly keyId: string }
  | { readonly ok: false; readonly problem: SignatureProblem; readonly detail: string };

/**
 * Checks a digest's signature against a keyring before anything else is trusted in it: signed
 * by a key of the keyring, in service at the digest's `createdAt`, over every other key of the
 * digest as read (a parsed JSON object, possibly altered: it is not assumed to be well formed).
 */
export function checkDigestSignature(digest: object, keyring: Keyring): DigestSignatureCheck {
  const { signature, createdAt } = digest as { signature?: unknown; createdAt?: unknown };
  if (signature === undefined) return { ok: false, problem: 'unsigned', detail: 'the digest is not signed' };
  const { keyId, value } = (signature ?? {}) as { keyId?: unknown; value?: unknown };
  if (typeof keyId !== 'string' || typeof value !== 'string')
    return {
      ok: false,
      problem: 'bad_signature',
      detail: 'the digest signature must be { keyId, value } with two texts',
    };
  const key = keyring.get(keyId);
  if (key === undefined)
    return {
      ok: false,
      problem: 'unknown_key',
      detail: `the digest is signed by key ${keyId}, which the keyring does not hold`,
    };
  const period = keyPeriodProblem(key, typeof createdAt === 'string' ? createdAt : '');
  if (period !== undefined)
    return {
      ok: false,
      problem: period,
      detail: `the digest is dated ${String(createdAt)}, when key ${keyId} was ${period === 'key_revoked' ? `revoked (${key.revokedAt})` : `not in service (${key.validFrom ?? '…'} to ${key.validUntil ?? '…'})`}`,
    };
  let message: Buffer;
  try {
    message = signedMessage(digest);
  } catch {
    return { ok: false, problem: 'bad_signature', detail: 'the digest is not plain JSON' };
  }
  if (!key.verify(message, value))
    return {
      ok: false,
      problem: 'bad_signature',
      detail: `the signature does not sign this digest with key ${keyId}: the digest or its signature was changed`,
    };
  return { ok: true, keyId };
}
