// The signature check of one stream, step by step: what it counts without a keyring, and each
// failure with one, at its version and word for word.
import * as crypto from 'node:crypto';
import type { RecordedEvent } from './events';
import { closeSignatures, followSignatures, SIGNATURES_START, type SignatureHead } from './signature-check';
import { createKeyring, eventSignatureMessage, hmacSigner, hmacVerificationKey } from './signing';

const secret = crypto.randomBytes(32);
const signer = hmacSigner('service', secret);
const keyring = createKeyring([
  hmacVerificationKey('service', secret, {
    validFrom: '2026-01-01T00:00:00Z',
    validUntil: '2026-06-01T00:00:00Z',
  }),
  hmacVerificationKey('stolen', secret, { revokedAt: '2026-03-01T00:00:00Z' }),
  hmacVerificationKey('retired', secret, { validUntil: '2026-01-01T00:00:00Z' }),
  hmacVerificationKey('future', secret, { validFrom: '2026-06-01T00:00:00Z' }),
]);
const hashOf = (version: number) => `${version}`.padStart(64, 'a');

/** An event in chain format 3 at `version`, naming `keyId` and signed when `signed`. */
function event(
  version: number,
  {
    keyId,
    signed = false,
    signature,
    chainVersion = 3,
    recordedAt = '2026-02-01T00:00:00.000Z',
  }: {
    keyId?: string;
    signed?: boolean;
    signature?: unknown;
    chainVersion?: number;
    recordedAt?: string;
  } = {},
): RecordedEvent {
  const hash = hashOf(version);
  const metadata = {
    chainVersion,
    hash,
    ...(keyId === undefined ? {} : { keyId }),
    ...(signed ? { signature: signer.sign(eventSignatureMessage(hash)) } : {}),
    ...(signature === undefined ? {} : { signature }),
  };
  return { version, recordedAt, metadata } as unknown as RecordedEvent;
}

/** Runs the check over `events`, then closes it. */
function check(events: RecordedEvent[], withKeyring = true) {
  let head: SignatureHead = SIGNATURES_START;
  for (const e of events) {
    const step = followSignatures(head, e, withKeyring ? keyring : undefined);
    if (!step.ok) return step;
    head = step.head;
  }
  return closeSignatures(head, events.length, withKeyring ? keyring : undefined);
}

describe('signature check with a keyring', () => {
  it('counts the events a batch signature covers', () => {
    expect(
      check([
        event(0, { keyId: 'service' }),
        event(1, { keyId: 'service', signed: true }),
        event(2, { keyId: 'service', signed: true }),
      ]),
    ).toEqual({ ok: true, head: { awaitingFrom: undefined, signed: 3, unsigned: 0 } });
  });

  it.each([
    [
      'an unsigned event',
      [event(0)],
      { version: 0, problem: 'unsigned', detail: 'the event at version 0 is not signed' },
    ],
    [
      'a signature without a key id',
      [event(0, { signature: 'AAAA' })],
      {
        version: 0,
        problem: 'bad_signature',
        detail: 'the event at version 0 carries a signature but names no key',
      },
    ],
    [
      'a batch cut before its signature, then an unsigned event',
      [event(0, { keyId: 'service' }), event(1, { keyId: 'service' }), event(2)],
      {
        version: 0,
        problem: 'unsigned',
        detail: 'versions 0 to 1 name a signing key but no signature covers them',
      },
    ],
    [
      'a stream ending on a batch without its signature',
      [event(0, { keyId: 'service', signed: true }), event(1, { keyId: 'service' })],
      {
        version: 1,
        problem: 'unsigned',
        detail: 'version 1 name a signing key but no signature covers them',
      },
    ],
    [
      'a key the keyring does not hold',
      [event(0, { keyId: 'inconnu', signed: true })],
      {
        version: 0,
        problem: 'unknown_key',
        detail: 'the event at version 0 is signed by key inconnu, which the keyring does not hold',
      },
    ],
    [
      'a key revoked before the event',
      [event(0, { keyId: 'stolen', signed: true, recordedAt: '2026-03-01T00:00:00.000Z' })],
      {
        version: 0,
        problem: 'key_revoked',
        detail:
          'the event at version 0 is signed by key stolen on 2026-03-01T00:00:00.000Z, after its revocation (2026-03-01T00:00:00Z)',
      },
    ],
    [
      'a key out of service',
      [event(0, { keyId: 'service', signed: true, recordedAt: '2026-07-01T00:00:00.000Z' })],
      {
        version: 0,
        problem: 'key_not_valid',
        detail:
          'the event at version 0 is signed by key service on 2026-07-01T00:00:00.000Z, outside its period of service (2026-01-01T00:00:00Z to 2026-06-01T00:00:00Z)',
      },
    ],
    [
      'a key whose service ended, with no start',
      [event(0, { keyId: 'retired', signed: true })],
      {
        version: 0,
        problem: 'key_not_valid',
        detail:
          'the event at version 0 is signed by key retired on 2026-02-01T00:00:00.000Z, outside its period of service (… to 2026-01-01T00:00:00Z)',
      },
    ],
    [
      'a key not in service yet, with no end',
      [event(0, { keyId: 'future', signed: true })],
      {
        version: 0,
        problem: 'key_not_valid',
        detail:
          'the event at version 0 is signed by key future on 2026-02-01T00:00:00.000Z, outside its period of service (2026-06-01T00:00:00Z to …)',
      },
    ],
    [
      'a signature of another hash',
      [event(0, { keyId: 'service', signature: signer.sign(eventSignatureMessage(hashOf(9))) })],
      {
        version: 0,
        problem: 'bad_signature',
        detail: 'the signature of version 0 does not sign its hash with key service',
      },
    ],
  ])('refuses %s', (_label, events, failure) => {
    expect(check(events)).toEqual({ ok: false, ...failure });
  });

  it('ignores what a format 1 or 2 event carries (it could not be signed) and takes a non-text signature as text', () => {
    expect(check([event(0, { keyId: 'service', signed: true, chainVersion: 2 })])).toMatchObject({
      ok: false,
      problem: 'unsigned',
    });
    expect(check([event(0, { keyId: 'service', signature: 12 })])).toMatchObject({
      ok: false,
      problem: 'bad_signature',
      detail: 'the signature of version 0 does not sign its hash with key service',
    });
  });
});

describe('signature check without a keyring', () => {
  it('counts signed and unsigned events, a batch left without its signature as unsigned', () => {
    expect(
      check(
        [
          event(0),
          event(1, { keyId: 'x' }),
          event(2, { keyId: 'x' }),
          event(3), // the batch 1-2 lost its signature
          event(4, { keyId: 'inconnu', signed: true }),
          event(5, { keyId: 'x' }),
        ],
        false,
      ),
    ).toEqual({ ok: true, head: { awaitingFrom: undefined, signed: 1, unsigned: 5 } });
  });
});
