import * as crypto from 'node:crypto';
import { checkDigestSignature, signDigest } from './digest-signature';
import type { Digest } from './digest';
import {
  createKeyring,
  ed25519Signer,
  ed25519VerificationKey,
  hmacSigner,
  hmacVerificationKey,
} from './signing';

const auditor = crypto.generateKeyPairSync('ed25519');
const HEAD = 'a'.repeat(64);
const saved: Digest = {
  createdAt: '2026-03-01T23:00:00.000Z',
  lastPosition: '42',
  streams: { 'dossier-1': { version: 3, headHash: HEAD } },
};
const keyring = createKeyring([
  ed25519VerificationKey('auditeur-2026', auditor.publicKey, { validFrom: '2026-01-01T00:00:00Z' }),
]);
const signed = signDigest(saved, ed25519Signer('auditeur-2026', auditor.privateKey));

describe('signed digests (issue 15)', () => {
  it('a digest signed by a key of the keyring verifies, also re-indented with its keys reordered', () => {
    expect(checkDigestSignature(signed, keyring)).toEqual({ ok: true, keyId: 'auditeur-2026' });
    const reordered = JSON.parse(
      JSON.stringify(Object.fromEntries(Object.entries(signed).reverse()), null, 4),
    ) as object;
    expect(checkDigestSignature(reordered, keyring)).toEqual({ ok: true, keyId: 'auditeur-2026' });
  });

  it('a signed digest altered by one character is refused (head hash, version, date, added key)', () => {
    const altered = [
      { ...signed, streams: { 'dossier-1': { version: 3, headHash: `b${HEAD.slice(1)}` } } },
      { ...signed, streams: { 'dossier-1': { version: 2, headHash: HEAD } } },
      { ...signed, lastPosition: '43' },
      { ...signed, createdAt: '2026-03-01T23:00:01.000Z' },
      { ...signed, extra: true },
    ];
    for (const digest of altered)
      expect(checkDigestSignature(digest, keyring)).toMatchObject({ ok: false, problem: 'bad_signature' });
  });

  it('refuses an unsigned digest, an unknown key, a key out of service or revoked at its date', () => {
    expect(checkDigestSignature(saved, keyring)).toMatchObject({ ok: false, problem: 'unsigned' });
    const stranger = crypto.generateKeyPairSync('ed25519');
    const byStranger = signDigest(saved, ed25519Signer('inconnu', stranger.privateKey));
    expect(checkDigestSignature(byStranger, keyring)).toMatchObject({ ok: false, problem: 'unknown_key' });
    const impostor = signDigest(saved, ed25519Signer('auditeur-2026', stranger.privateKey));
    expect(checkDigestSignature(impostor, keyring)).toMatchObject({ ok: false, problem: 'bad_signature' });
    const retired = createKeyring([
      ed25519VerificationKey('auditeur-2026', auditor.publicKey, { validUntil: '2026-02-01T00:00:00Z' }),
    ]);
    expect(checkDigestSignature(signed, retired)).toMatchObject({ ok: false, problem: 'key_not_valid' });
    const revoked = createKeyring([
      ed25519VerificationKey('auditeur-2026', auditor.publicKey, { revokedAt: '2026-02-15T00:00:00Z' }),
    ]);
    expect(checkDigestSignature(signed, revoked)).toMatchObject({ ok: false, problem: 'key_revoked' });
    const malformed = { ...saved, signature: 'AAAA' };
    expect(checkDigestSignature(malformed, keyring)).toMatchObject({ ok: false, problem: 'bad_signature' });
  });

  it('an event signature cannot pass for a digest signature (messages say what they sign)', () => {
    const secret = crypto.randomBytes(32);
    const hmac = createKeyring([hmacVerificationKey('service', secret)]);
    const byService = signDigest(saved, hmacSigner('service', secret));
    expect(checkDigestSignature(byService, hmac)).toEqual({ ok: true, keyId: 'service' });
    const eventLike = hmacSigner('service', secret).sign(Buffer.from(`cartes-badges event hash ${HEAD}`));
    const swapped = { ...saved, signature: { keyId: 'service', value: eventLike } };
    expect(checkDigestSignature(swapped, hmac)).toMatchObject({ ok: false, problem: 'bad_signature' });
  });
});

describe('digest signature problems, word for word', () => {
  const secret = crypto.randomBytes(32);
  const service = hmacSigner('service', secret);
  const checked = (digest: object, validity = {}) =>
    checkDigestSignature(digest, createKeyring([hmacVerificationKey('service', secret, validity)]));

  it('says why an unsigned or malformed signature is refused', () => {
    expect(checked(saved)).toEqual({ ok: false, problem: 'unsigned', detail: 'the digest is not signed' });
    for (const signature of [null, 'AAAA', { keyId: 'service' }, { keyId: 1, value: 'x' }])
      expect(checked({ ...saved, signature })).toEqual({
        ok: false,
        problem: 'bad_signature',
        detail: 'the digest signature must be { keyId, value } with two texts',
      });
  });

  it('names a key the keyring does not hold', () => {
    expect(checked(signDigest(saved, hmacSigner('inconnu', secret)))).toEqual({
      ok: false,
      problem: 'unknown_key',
      detail: 'the digest is signed by key inconnu, which the keyring does not hold',
    });
  });

  it('names the date and the period of a key out of service or revoked', () => {
    const byService = signDigest(saved, service);
    expect(checked(byService, { validFrom: '2026-04-01T00:00:00Z' })).toEqual({
      ok: false,
      problem: 'key_not_valid',
      detail:
        'the digest is dated 2026-03-01T23:00:00.000Z, when key service was not in service (2026-04-01T00:00:00Z to …)',
    });
    expect(checked(byService, { validUntil: '2026-02-01T00:00:00Z' })).toMatchObject({
      detail:
        'the digest is dated 2026-03-01T23:00:00.000Z, when key service was not in service (… to 2026-02-01T00:00:00Z)',
    });
    expect(checked(byService, { revokedAt: '2026-02-15T00:00:00Z' })).toEqual({
      ok: false,
      problem: 'key_revoked',
      detail:
        'the digest is dated 2026-03-01T23:00:00.000Z, when key service was revoked (2026-02-15T00:00:00Z)',
    });
    expect(checked({ ...byService, createdAt: 42 })).toMatchObject({
      problem: 'key_not_valid',
      detail: 'the digest is dated 42, when key service was not in service (… to …)',
    });
  });

  it('says when the digest is not plain JSON, or was changed', () => {
    const byService = signDigest(saved, service);
    expect(checked({ ...byService, lastPosition: Number.NaN })).toEqual({
      ok: false,
      problem: 'bad_signature',
      detail: 'the digest is not plain JSON',
    });
    expect(checked({ ...byService, lastPosition: '43' })).toEqual({
      ok: false,
      problem: 'bad_signature',
      detail:
        'the signature does not sign this digest with key service: the digest or its signature was changed',
    });
  });
});
