import { scaledTimeout } from '@cartes-badges/eventsourcing/testing';
// Signed history through the CLI (issue 15): `keys generate`, a demo written with the service's
// key (CARTES_BADGES_SIGNING_KEY), `verify --keys`, and a forger's correctly hashed event
// inserted straight into SQLite and PostgreSQL caught with the key.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';
import { createPostgresEventStore } from '@cartes-badges/postgres';
import { readSigner } from '../audit/signing-key-file';
import { forgeIntoPostgres, forgeIntoSqlite } from '../test-support/forge-event';
import { dropPostgresSchema, TEST_POSTGRES } from '../test-support/postgres-schema';
import { cli } from '../test-support/run-cli';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cartes-badges-signed-'));
const at = (name: string) => path.join(dir, name);
const keyring = at('trousseau.json');
const serviceKey = at('service-2026-01.key');
const signed = `sqlite:${at('signed.db')}`;
const unsigned = `sqlite:${at('unsigned.db')}`;
const schema = `cb_signed_${process.pid}_${randomBytes(3).toString('hex')}`;
const postgres = `${TEST_POSTGRES}?schema=${schema}`;
const withKey = (key: string) => ({ CARTES_BADGES_SIGNING_KEY: key });

async function ok(args: string[], env: Record<string, string> = {}): Promise<string> {
  const run = await cli(args, env);
  if (run.code !== 0) throw new Error(`cartes-badges ${args.join(' ')} exited ${run.code}: ${run.stderr}`);
  return run.stdout + run.stderr;
}

beforeAll(async () => {
  await ok(['keys', 'generate', '--id', 'service-2026-01', '--out', serviceKey, '--keyring', keyring]);
  await ok(['demo', '--dossiers', '2', '--store', signed], withKey(serviceKey));
  await ok(['demo', '--dossiers', '2', '--store', unsigned]);
}, scaledTimeout(240_000));
afterAll(async () => {
  fs.rmSync(dir, { recursive: true, force: true });
  await dropPostgresSchema(schema);
});

describe('cartes-badges keys generate', () => {
  it('writes the private key readable by its owner only (0600) and only the public key in the keyring', () => {
    expect(fs.statSync(serviceKey).mode & 0o777).toBe(0o600);
    const ring = JSON.parse(fs.readFileSync(keyring, 'utf8')) as { keys: Record<string, string>[] };
    expect(ring.keys).toEqual([
      {
        keyId: 'service-2026-01',
        algorithm: 'ed25519',
        publicKey: expect.stringContaining('BEGIN PUBLIC KEY'),
        validFrom: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      },
    ]);
    expect(fs.readFileSync(keyring, 'utf8')).not.toContain('PRIVATE');
  });

  it('refuses to overwrite a key file, a key id the keyring holds, a bad id or algorithm (nothing written)', async () => {
    const ringBefore = fs.readFileSync(keyring, 'utf8');
    const again = await cli(['keys', 'generate', '--id', 'autre', '--out', serviceKey, '--keyring', keyring]);
    expect([again.code, again.stderr]).toEqual([5, expect.stringContaining('existe déjà')]);
    const sameId = await cli([
      'keys',
      'generate',
      '--id',
      'service-2026-01',
      '--out',
      at('x.key'),
      '--keyring',
      keyring,
    ]);
    expect([sameId.code, sameId.stderr]).toEqual([
      2,
      expect.stringContaining('déjà une clé de cet identifiant'),
    ]);
    const badId = await cli([
      'keys',
      'generate',
      '--id',
      '../etc',
      '--out',
      at('y.key'),
      '--keyring',
      keyring,
    ]);
    expect([badId.code, badId.stderr]).toEqual([2, expect.stringContaining('--id « ../etc » refusé')]);
    const badAlgorithm = await cli([
      'keys',
      'generate',
      '--id',
      'rsa',
      '--algorithm',
      'rsa',
      '--out',
      at('z.key'),
      '--keyring',
      keyring,
    ]);
    expect([badAlgorithm.code, badAlgorithm.stderr]).toEqual([
      2,
      expect.stringContaining('--algorithm « rsa »'),
    ]);
    expect(fs.readFileSync(keyring, 'utf8')).toBe(ringBefore);
    expect(['x.key', 'y.key', 'z.key'].filter((name) => fs.existsSync(at(name)))).toEqual([]);
  });

  it(
    'an HMAC key: the keyring holds the secret, so it is written 0600 too, and it verifies what it signed',
    async () => {
      const hmacRing = at('hmac-trousseau.json');
      const hmacKey = at('hmac.key');
      await ok([
        'keys',
        'generate',
        '--id',
        'hmac-1',
        '--algorithm',
        'hmac-sha256',
        '--out',
        hmacKey,
        '--keyring',
        hmacRing,
      ]);
      expect([fs.statSync(hmacKey).mode & 0o777, fs.statSync(hmacRing).mode & 0o777]).toEqual([0o600, 0o600]);
      const store = `sqlite:${at('hmac.db')}`;
      await ok(['demo', '--dossiers', '0', '--store', store], withKey(hmacKey));
      const verified = await cli(['verify', '--keys', hmacRing, '--store', store]);
      expect([verified.code, verified.stdout]).toEqual([0, expect.stringContaining('SIGNÉ  ')]);
    },
    scaledTimeout(120_000),
  );
});

describe('cartes-badges verify --keys (issue 15: signed history)', () => {
  it('a store written with the service key verifies with its keyring; without it the signatures are said unverified', async () => {
    const withRing = await cli(['verify', '--keys', keyring, '--store', signed]);
    expect([withRing.code, withRing.stdout]).toEqual([
      0,
      expect.stringMatching(/SIGNÉ {2}\d+ événement\(s\) signés par des clés du trousseau/),
    ]);
    const without = await cli(['verify', '--store', signed]);
    expect([without.code, without.stdout]).toEqual([0, expect.stringContaining('Signatures non vérifiées')]);
  });

  it('unsigned mode is flagged by verify, and refused with a keyring (exit 1, stream and version named)', async () => {
    const flagged = await cli(['verify', '--store', unsigned]);
    expect([flagged.code, flagged.stdout]).toEqual([
      0,
      expect.stringMatching(
        /NON SIGNÉ {2}\d+ événement\(s\) sans signature : rien ne prouve qui les a écrits/,
      ),
    ]);
    const refused = await cli(['verify', '--keys', keyring, '--store', unsigned]);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toMatch(
      /^ROMPU {2}(dossier|numbering)-\S+ {2}version 0 {2}unsigned \(non signé\)/m,
    );
  });

  it(
    'a correctly hashed event inserted straight into SQLite is caught with the key (exit 1, stream and version), not without',
    async () => {
      const copy = at('forged.db');
      fs.copyFileSync(at('signed.db'), copy);
      const forgery = await forgeIntoSqlite(copy);
      const chainOnly = await cli(['verify', '--store', `sqlite:${copy}`]);
      expect(chainOnly.code).toBe(0);
      const caught = await cli(['verify', '--keys', keyring, '--store', `sqlite:${copy}`]);
      expect(caught.code).toBe(1);
      expect(caught.stdout).toContain(
        `ROMPU  ${forgery.streamId}  version ${forgery.version}  unsigned (non signé)`,
      );
      const one = await cli([
        'verify',
        '--stream',
        forgery.streamId,
        '--keys',
        keyring,
        '--store',
        `sqlite:${copy}`,
      ]);
      expect([one.code, one.stdout]).toEqual([
        1,
        expect.stringContaining(`version ${forgery.version}  unsigned`),
      ]);
    },
    scaledTimeout(60_000),
  );

  it(
    'an event signed by a key the keyring does not hold is refused (unknown_key)',
    async () => {
      const copy = at('stranger.db');
      fs.copyFileSync(at('signed.db'), copy);
      const strangerKey = at('stranger.key');
      await ok(['keys', 'generate', '--id', 'intrus', '--out', strangerKey, '--keyring', at('intrus.json')]);
      const forgery = await forgeIntoSqlite(copy, readSigner(strangerKey, 'test'));
      const caught = await cli(['verify', '--keys', keyring, '--store', `sqlite:${copy}`]);
      expect(caught.code).toBe(1);
      expect(caught.stdout).toContain(
        `ROMPU  ${forgery.streamId}  version ${forgery.version}  unknown_key (clé inconnue du trousseau)`,
      );
    },
    scaledTimeout(60_000),
  );

  it(
    'a rotated key keeps the events it signed valid; the retired key signing after the rotation is refused',
    async () => {
      const rotated = at('rotated.db');
      fs.copyFileSync(at('signed.db'), rotated);
      const ring = at('rotation.json');
      fs.copyFileSync(keyring, ring);
      const newKey = at('service-2026-02.key');
      await ok([
        'keys',
        'generate',
        '--id',
        'service-2026-02',
        '--out',
        newKey,
        '--keyring',
        ring,
        '--retires',
        'service-2026-01',
      ]);
      const keys = (
        JSON.parse(fs.readFileSync(ring, 'utf8')) as {
          keys: { keyId: string; validUntil?: string; validFrom: string }[];
        }
      ).keys;
      expect(keys[0].validUntil).toBe(keys[1].validFrom);
      // The demo with one dossier more: appended with the new key.
      await ok(['demo', '--dossiers', '3', '--store', `sqlite:${rotated}`], withKey(newKey));
      const both = await cli(['verify', '--keys', ring, '--store', `sqlite:${rotated}`]);
      expect([both.code, both.stdout]).toEqual([0, expect.stringContaining('SIGNÉ  ')]);
      // The old key still in use after its period: refused.
      await ok(['demo', '--dossiers', '4', '--store', `sqlite:${rotated}`], withKey(serviceKey));
      const late = await cli(['verify', '--keys', ring, '--store', `sqlite:${rotated}`]);
      expect(late.code).toBe(1);
      expect(late.stdout).toMatch(/version \d+ {2}key_not_valid \(clé hors de sa période de service\)/);
    },
    scaledTimeout(180_000),
  );

  it(
    'a correctly hashed event inserted straight into PostgreSQL is caught with the key (exit 1, stream and version; a missing server fails this test)',
    async () => {
      await ok(['demo', '--dossiers', '0', '--store', postgres], withKey(serviceKey));
      expect(await cli(['verify', '--keys', keyring, '--store', postgres])).toMatchObject({ code: 0 });
      const store = await createPostgresEventStore({
        connectionString: TEST_POSTGRES,
        schema,
        migrate: false,
      });
      let forgery;
      try {
        forgery = await forgeIntoPostgres(store);
      } finally {
        await store.close();
      }
      const chainOnly = await cli(['verify', '--store', postgres]);
      expect(chainOnly.code).toBe(0);
      const caught = await cli(['verify', '--keys', keyring, '--store', postgres]);
      expect(caught.code).toBe(1);
      expect(caught.stdout).toContain(
        `ROMPU  ${forgery.streamId}  version ${forgery.version}  unsigned (non signé)`,
      );
    },
    scaledTimeout(180_000),
  );
});
