// `keys revoke` (a key lost or stolen): what the key signed before the revocation still
// verifies, what is dated from it on is refused, and a revocation only ever moves earlier.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { scaledTimeout } from '@cartes-badges/eventsourcing/testing';
import { cli } from '../test-support/run-cli';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cartes-badges-revoke-'));
const at = (name: string) => path.join(dir, name);
const keyring = at('trousseau.json');
const serviceKey = at('service.key');
const store = `sqlite:${at('signed.db')}`;
const withKey = { CARTES_BADGES_SIGNING_KEY: serviceKey };

async function ok(args: string[], env: Record<string, string> = {}): Promise<string> {
  const run = await cli(args, env);
  if (run.code !== 0) throw new Error(`cartes-badges ${args.join(' ')} exited ${run.code}: ${run.stderr}`);
  return run.stdout + run.stderr;
}
const ring = () => JSON.parse(fs.readFileSync(keyring, 'utf8')) as { keys: Record<string, string>[] };

beforeAll(async () => {
  await ok(['keys', 'generate', '--id', 'service-1', '--out', serviceKey, '--keyring', keyring]);
  await ok(['keys', 'generate', '--id', 'autre', '--out', at('autre.key'), '--keyring', keyring]);
  await ok(['demo', '--dossiers', '1', '--store', store], withKey);
}, scaledTimeout(120_000));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('cartes-badges keys revoke', () => {
  it(
    'keeps valid what the key signed before, refuses what it signs after, and touches no other key',
    async () => {
      expect((await cli(['verify', '--keys', keyring, '--store', store])).code).toBe(0);
      // Events are dated by the writer's real clock (recordedAt), whatever the demo's dossiers say.
      const revokedAt = new Date().toISOString();
      await new Promise((resolve) => setTimeout(resolve, 5)); // the thief's events come after it
      const said = await ok(['keys', 'revoke', '--id', 'service-1', '--keyring', keyring, '--at', revokedAt]);
      expect(said).toContain(`Clé service-1 révoquée à partir du ${revokedAt}`);
      expect(ring().keys.map((key) => [key.keyId, key.revokedAt])).toEqual([
        ['service-1', revokedAt],
        ['autre', undefined],
      ]);
      // What it signed before stays valid...
      expect((await cli(['verify', '--keys', keyring, '--store', store])).code).toBe(0);
      // ...what a thief signs with it now is refused.
      const thief = `sqlite:${at('thief.db')}`;
      await ok(['demo', '--dossiers', '1', '--store', thief], withKey);
      const refused = await cli(['verify', '--keys', keyring, '--store', thief]);
      expect(refused.code).toBe(1);
      expect(refused.stdout + refused.stderr).toContain(`after its revocation (${revokedAt})`);
    },
    scaledTimeout(120_000),
  );

  it('moves a revocation earlier, never later, and refuses an unknown key or an ambiguous date: nothing written', async () => {
    const first = ring().keys[0]!.revokedAt!;
    const before = fs.readFileSync(keyring, 'utf8');
    const later = await cli(['keys', 'revoke', '--id', 'service-1', '--keyring', keyring]);
    expect([later.code, later.stderr]).toEqual([
      2,
      expect.stringContaining(
        `--id service-1 : clé déjà révoquée depuis le ${first} ; une révocation ne peut qu'être avancée`,
      ),
    ]);
    const unknown = await cli(['keys', 'revoke', '--id', 'inconnue', '--keyring', keyring]);
    expect([unknown.code, unknown.stderr]).toEqual([
      2,
      expect.stringContaining(`--id inconnue : le trousseau ${keyring} n'a pas de clé de cet identifiant`),
    ]);
    for (const date of ['2026-03-04T08:00', '2026-02-30', 'hier']) {
      const bad = await cli(['keys', 'revoke', '--id', 'autre', '--keyring', keyring, '--at', date]);
      expect([bad.code, bad.stderr]).toEqual([
        2,
        expect.stringContaining(`--at « ${date} » : date ISO-8601 qui existe attendue`),
      ]);
    }
    expect(fs.readFileSync(keyring, 'utf8')).toBe(before);

    const earlier = await ok([
      'keys',
      'revoke',
      '--id',
      'service-1',
      '--keyring',
      keyring,
      '--at',
      '2020-01-01',
    ]);
    expect(earlier).toContain(`(avancée : elle l'était depuis le ${first})`);
    expect(ring().keys[0]!.revokedAt).toBe('2020-01-01T00:00:00.000Z');
    // Revoked before it signed anything: every one of its signatures is refused now.
    expect((await cli(['verify', '--keys', keyring, '--store', store])).code).toBe(1);
  });

  it('refuses a keyring it cannot read as one, leaving it as it was (exit 5), and writes no partial file', async () => {
    const broken = at('broken.json');
    fs.writeFileSync(
      broken,
      '{"format":"cartes-badges-keyring/1","keys":[{"keyId":"x","algorithm":"ed25519"}]}',
    );
    const run = await cli(['keys', 'revoke', '--id', 'x', '--keyring', broken]);
    expect([run.code, run.stderr]).toEqual([5, expect.stringContaining('Trousseau invalide (--keyring')]);
    expect(fs.readFileSync(broken, 'utf8')).toContain('"keyId":"x","algorithm":"ed25519"}');
    expect(fs.readdirSync(dir).filter((name) => name.endsWith('.partial'))).toEqual([]);
  });
});
