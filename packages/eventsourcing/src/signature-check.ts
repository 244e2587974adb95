import { chainFormatOf } from './chain-format';
import type { RecordedEvent } from './events';
import type { Keyring } from './signing';
import { eventSignatureMessage, keyPeriodProblem } from './signing';

/**
 * How an event fails the signature check: 'unsigned' (no signature of a known key covers it),
 * 'unknown_key' (its key id is not in the keyring), 'bad_signature' (the signature does not
 * sign its hash with that key), 'key_not_valid' (dated outside the key's period: before it was
 * in service, or after a rotation retired it), 'key_revoked' (dated after the key's revocation).
 */
export type SignatureProblem = 'unsigned' | 'unknown_key' | 'bad_signature' | 'key_not_valid' | 'key_revoked';

/** Where the signature check of one stream stands. */
export interface SignatureHead {
  /**
   * The first version since the last signature that names a key: a signed append marks every
   * event with its key id and signs the last one, so these wait for their batch's signature.
   */
  readonly awaitingFrom: number | undefined;
  /** Events covered by a signature (checked against the keyring when one was given). */
  readonly signed: number;
  /** Events no signature covers (written by a store without a signer). */
  readonly unsigned: number;
}

/** The signature check before a stream's first event. */
export const SIGNATURES_START: SignatureHead = Object.freeze({
  awaitingFrom: undefined,
  signed: 0,
  unsigned: 0,
});

/** A signature failure, at the first version it leaves without proof. */
export interface SignatureFailure {
  readonly ok: false;
  readonly version: number;
  readonly problem: SignatureProblem;
  readonly detail: string;
}

/** The outcome of one step of the signature check. */
export type SignatureStep = { readonly ok: true; readonly head: SignatureHead } | SignatureFailure;

const fail = (version: number, problem: SignatureProblem, detail: string): SignatureFailure => ({
  ok: false,
  version,
  problem,
  detail,
});

/**
 * Takes one event (whose place in the hash chain is already proven) into the signature check.
 * With a keyring, every event must be covered by a valid signature of a key in service when it
 * was recorded: its own or the one on the last event of its append, which signs a hash that
 * covers the whole batch through the chain. Without a keyring, signatures cannot be checked
 * and are only counted (the caller says so).
 */
export function followSignatures(
  head: SignatureHead,
  event: RecordedEvent,
  keyring: Keyring | undefined,
): SignatureStep {
  const { keyId, signature } = signatureFieldsOf(event);
  const version = event.version;
  if (keyId === undefined) {
    if (signature !== undefined)
      return fail(
        version,
        'bad_signature',
        `the event at version ${version} carries a signature but names no key`,
      );
    if (head.awaitingFrom !== undefined && keyring !== undefined)
      return uncovered(head.awaitingFrom, version - 1);
    if (keyring !== undefined)
      return fail(version, 'unsigned', `the event at version ${version} is not signed`);
    const pending = head.awaitingFrom === undefined ? 0 : version - head.awaitingFrom;
    return { ok: true, head: { ...head, awaitingFrom: undefined, unsigned: head.unsigned + pending + 1 } };
  }
  const awaitingFrom = head.awaitingFrom ?? version;
  if (signature === undefined) return { ok: true, head: { ...head, awaitingFrom } };
  const covered = version - awaitingFrom + 1;
  if (keyring !== undefined) {
    const key = keyring.get(keyId);
    if (key === undefined)
      return fail(
        version,
        'unknown_key',
        `the event at version ${version} is signed by key ${keyId}, which the keyring does not hold`,
      );
    const period = keyPeriodProblem(key, event.recordedAt);
    if (period === 'key_revoked')
      return fail(
        version,
        period,
        `the event at version ${version} is signed by key ${keyId} on ${event.recordedAt}, after its revocation (${key.revokedAt})`,
      );
    if (period === 'key_not_valid')
      return fail(
        version,
        period,
        `the event at version ${version} is signed by key ${keyId} on ${event.recordedAt}, outside its period of service (${key.validFrom ?? '…'} to ${key.validUntil ?? '…'})`,
      );
    if (!key.verify(eventSignatureMessage(event.metadata.hash), signature))
      return fail(
        version,
        'bad_signature',
        `the signature of version ${version} does not sign its hash with key ${keyId}`,
      );
  }
  return { ok: true, head: { ...head, awaitingFrom: undefined, signed: head.signed + covered } };
}

/**
 * Ends a stream's signature check: events that name a key but that no signature followed
 * (the batch's signature was removed) are unsigned, and a failure with a keyring.
 */
export function closeSignatures(
  head: SignatureHead,
  length: number,
  keyring: Keyring | undefined,
): SignatureStep {
  if (head.awaitingFrom === undefined) return { ok: true, head };
  if (keyring !== undefined) return uncovered(head.awaitingFrom, length - 1);
  return {
    ok: true,
    head: { ...head, awaitingFrom: undefined, unsigned: head.unsigned + length - head.awaitingFrom },
  };
}

function uncovered(from: number, to: number): SignatureFailure {
  const versions = from === to ? `version ${from}` : `versions ${from} to ${to}`;
  return fail(from, 'unsigned', `${versions} name a signing key but no signature covers them`);
}

// The key id and signature of an event written in format 3; older formats could not be signed
// (their hash would cover the signature), so anything there is ignored and the event unsigned.
function signatureFieldsOf(event: RecordedEvent): { keyId?: string; signature?: string } {
  if (chainFormatOf(event.metadata) !== 3) return {};
  const { keyId, signature } = event.metadata as { keyId?: unknown; signature?: unknown };
  return {
    keyId: typeof keyId === 'string' ? keyId : undefined,
    signature:
      typeof signature === 'string' ? signature : signature === undefined ? undefined : String(signature),
  };
}
