// The keys that sign appends and digests: what is refused when a key is set up (word for word,
// as an operator reads it), which signatures a key accepts, and the instants a key is in service.
import * as crypto from 'node:crypto';
import {
  checkKeyId,
  createKeyring,
  digestSignatureMessage,
  ed25519Signer,
  ed25519VerificationKey,
  eventSignatureMessage,
  generateEd25519KeyPair,
  hmacSigner,
  hmacVerificationKey,
  keyPeriodProblem,
  type VerificationKey,
} from './signing';

const pair = crypto.generateKeyPairSync('ed25519');
const message = Buffer.from('cartes-badges event hash abc');
const KEY_ID_RULE = "expected 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit";

describe('key ids', () => {
  it('takes 1 to 64 letters, digits, dots, underscores and dashes, a letter or digit first', () => {
    for (const id of ['a', '9', 'Service.2026_01-B', `k${'x'.repeat(63)}`]) expect(checkKeyId(id)).toBe(id);
  });

  it.each([
    ['', 'Invalid key id "": '],
    ['.hidden', 'Invalid key id ".hidden": '],
    ['-x', 'Invalid key id "-x": '],
    ['clé', 'Invalid key id "clé": '],
    ['a/b', 'Invalid key id "a/b": '],
    ['x\n', 'Invalid key id "x\\n": '],
    [`k${'x'.repeat(64)}`, `Invalid key id "k${'x'.repeat(64)}": `],
    [`k${'x'.repeat(99)}`, `Invalid key id "k${'x'.repeat(78)}: `], // cut at 80 characters, its opening quote included
    [12, 'Invalid key id "12": '],
  ])('refuses %p', (id, start) => {
    expect(() => checkKeyId(id as string)).toThrow(new Error(`${start}${KEY_ID_RULE}`));
  });

  it('checks the id of every signer and verification key', () => {
    const secret = crypto.randomBytes(32);
    const refused = new Error(`Invalid key id "a b": ${KEY_ID_RULE}`);
    expect(() => ed25519Signer('a b', pair.privateKey)).toThrow(refused);
    expect(() => ed25519VerificationKey('a b', pair.publicKey)).toThrow(refused);
    expect(() => hmacSigner('a b', secret)).toThrow(refused);
    expect(() => hmacVerificationKey('a b', secret)).toThrow(refused);
  });
});

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
/** A 64-byte signature's text with the unused low bits of its last character set: Node decodes it to the same bytes. */
function otherPaddingBits(signature: string): string {
  const last = signature.length - 3; // "...XY==": Y carries 2 bits of the last byte and 4 unused ones
  const altered = BASE64[BASE64.indexOf(signature[last]) | 1];
  return `${signature.slice(0, last)}${altered}==`;
}

describe('Ed25519 keys', () => {
  it('signs with the private key, from a KeyObject or PEM text, and verifies with the public one', () => {
    const { privateKeyPem, publicKeyPem } = generateEd25519KeyPair();
    expect(privateKeyPem).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
    expect(publicKeyPem).toMatch(/^-----BEGIN PUBLIC KEY-----\n/);
    const signer = ed25519Signer('service-2026', privateKeyPem);
    expect(signer.keyId).toBe('service-2026');
    const signature = signer.sign(message);
    expect(Buffer.from(signature, 'base64')).toHaveLength(64);
    const key = ed25519VerificationKey('service-2026', publicKeyPem);
    expect(key).toMatchObject({ keyId: 'service-2026', algorithm: 'ed25519' });
    expect(key.verify(message, signature)).toBe(true);
    expect(key.verify(Buffer.from('another message'), signature)).toBe(false);
    // A private KeyObject is taken for its public half.
    expect(
      ed25519VerificationKey('service-2026', crypto.createPrivateKey(privateKeyPem)).verify(
        message,
        signature,
      ),
    ).toBe(true);
    expect(ed25519VerificationKey('other', pair.publicKey).verify(message, signature)).toBe(false);
  });

  it('refuses a key of another kind, naming what it got', () => {
    const rsa = crypto.generateKeyPairSync('rsa', { modulusLength: 1024 });
    expect(() => ed25519Signer('k', rsa.privateKey)).toThrow(
      new Error('Expected an Ed25519 private key, got a rsa private key'),
    );
    expect(() => ed25519Signer('k', pair.publicKey)).toThrow(
      new Error('Expected an Ed25519 private key, got a ed25519 public key'),
    );
    expect(() => ed25519VerificationKey('k', rsa.publicKey)).toThrow(
      new Error('Expected an Ed25519 public key, got a rsa public key'),
    );
    expect(() => ed25519VerificationKey('k', crypto.createSecretKey(crypto.randomBytes(32)))).toThrow(
      new Error('Expected an Ed25519 public key, got a secret secret key'),
    );
  });

  it('accepts only a canonical base64 signature of 64 bytes', () => {
    const key = ed25519VerificationKey('k', pair.publicKey);
    const signature = crypto.sign(null, message, pair.privateKey).toString('base64');
    expect(key.verify(message, signature)).toBe(true);
    expect(Buffer.from(otherPaddingBits(signature), 'base64').equals(Buffer.from(signature, 'base64'))).toBe(
      true,
    );
    expect(otherPaddingBits(signature)).not.toBe(signature);
    for (const forged of [
      `${signature}!`, // Node's decoder would skip the "!"
      ` ${signature}`,
      signature.slice(0, -4), // 61 bytes
      otherPaddingBits(signature), // the same bytes, another text
      '',
      undefined as unknown as string,
    ])
      expect(key.verify(message, forged)).toBe(false);
  });
});

describe('HMAC-SHA-256 secrets', () => {
  it('needs 32 bytes at least, as bytes, text or a KeyObject', () => {
    const tooShort = new Error('An HMAC-SHA-256 secret needs 32 bytes at least');
    expect(() => hmacSigner('k', crypto.randomBytes(31))).toThrow(tooShort);
    expect(() => hmacVerificationKey('k', 'x'.repeat(31))).toThrow(tooShort);
    const secret = crypto.randomBytes(32);
    const signature = hmacSigner('k', secret).sign(message);
    expect(signature).toBe(crypto.createHmac('sha256', secret).update(message).digest('base64'));
    expect(hmacVerificationKey('k', crypto.createSecretKey(secret)).verify(message, signature)).toBe(true);
    expect(
      hmacVerificationKey('k', 's'.repeat(32)).verify(message, hmacSigner('k', 's'.repeat(32)).sign(message)),
    ).toBe(true);
  });

  it('verifies only its own signature, of 32 bytes', () => {
    const secret = crypto.randomBytes(32);
    const key = hmacVerificationKey('k', secret, {});
    expect(key.algorithm).toBe('hmac-sha256');
    const signature = hmacSigner('k', secret).sign(message);
    expect(key.verify(message, signature)).toBe(true);
    expect(key.verify(message, hmacSigner('k', crypto.randomBytes(32)).sign(message))).toBe(false);
    expect(key.verify(message, signature.slice(0, -4))).toBe(false); // 30 bytes: no RangeError
  });
});

describe('validity periods', () => {
  it('refuses a date it cannot read, naming the option', () => {
    expect(() => ed25519VerificationKey('k', pair.publicKey, { validFrom: 'janvier' })).toThrow(
      new Error(
        'Invalid validFrom "janvier": expected an ISO-8601 day or instant with its offset, such as 2026-02-01T00:00:00Z',
      ),
    );
    expect(() =>
      hmacVerificationKey('k', crypto.randomBytes(32), { revokedAt: 5 as unknown as string }),
    ).toThrow(
      new Error(
        'Invalid revokedAt 5: expected an ISO-8601 day or instant with its offset, such as 2026-02-01T00:00:00Z',
      ),
    );
    expect(
      ed25519VerificationKey('k', pair.publicKey, {
        validUntil: '2026-02-01T00:00:00Z',
        validFrom: undefined,
      }),
    ).toMatchObject({ validUntil: '2026-02-01T00:00:00Z' });
  });

  it('refuses a time without offset or a day that does not exist: two auditors would read two periods', () => {
    for (const [name, value] of [
      ['validFrom', '2026-02-01T00:00:00'],
      ['validUntil', '2026-02-30'],
      ['revokedAt', '2026-02-01T24:00:00Z'],
    ])
      expect(() => ed25519VerificationKey('k', pair.publicKey, { [name]: value })).toThrow(
        `Invalid ${name} ${JSON.stringify(value)}: expected an ISO-8601 day or instant with its offset`,
      );
    expect(ed25519VerificationKey('k', pair.publicKey, { validFrom: '2026-02-01' })).toMatchObject({
      validFrom: '2026-02-01',
    });
  });

  const key = (validity: Partial<VerificationKey>): VerificationKey =>
    ({ keyId: 'k', algorithm: 'ed25519', verify: () => true, ...validity }) as VerificationKey;

  it('is in service from validFrom included to validUntil excluded', () => {
    const period = key({ validFrom: '2026-01-01T00:00:00Z', validUntil: '2026-02-01T00:00:00Z' });
    expect(keyPeriodProblem(period, '2025-12-31T23:59:59.999Z')).toBe('key_not_valid');
    expect(keyPeriodProblem(period, '2026-01-01T00:00:00.000Z')).toBeUndefined();
    expect(keyPeriodProblem(period, '2026-01-31T23:59:59.999Z')).toBeUndefined();
    expect(keyPeriodProblem(period, '2026-02-01T00:00:00.000Z')).toBe('key_not_valid');
    expect(keyPeriodProblem(key({}), '1970-01-01T00:00:00Z')).toBeUndefined();
  });

  it('is revoked from revokedAt included, which wins over the period', () => {
    const revoked = key({ validUntil: '2026-02-01T00:00:00Z', revokedAt: '2026-01-15T00:00:00Z' });
    expect(keyPeriodProblem(revoked, '2026-01-14T23:59:59.999Z')).toBeUndefined();
    expect(keyPeriodProblem(revoked, '2026-01-15T00:00:00.000Z')).toBe('key_revoked');
    expect(keyPeriodProblem(revoked, '2026-03-01T00:00:00.000Z')).toBe('key_revoked');
  });

  it('refuses a signature whose date cannot be read', () => {
    expect(keyPeriodProblem(key({}), 'hier')).toBe('key_not_valid');
  });
});

describe('what is signed', () => {
  it('says whether it is an event hash or a digest', () => {
    expect(eventSignatureMessage('abc').toString('utf8')).toBe('cartes-badges event hash abc');
    expect(digestSignatureMessage('{"a":1}').toString('utf8')).toBe('cartes-badges digest {"a":1}');
  });

  it('keyrings refuse two keys with one id', () => {
    const first = ed25519VerificationKey('service', pair.publicKey);
    expect(createKeyring([first]).get('service')).toBe(first);
    expect(() => createKeyring([first, hmacVerificationKey('service', crypto.randomBytes(32))])).toThrow(
      new Error('Two keys have the id service in one keyring'),
    );
  });
});
