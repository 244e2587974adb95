import { scaledTimeout } from '@cartes-badges/eventsourcing/testing';
// Signed digests through the CLI (issue 15): `digest --sign`, and `verify --against … --keys`
// checking the digest's signature before anything else, then vouching for a history written
// before signing was switched on while everything appended since must be signed.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { forgeIntoSqlite } from '../test-support/forge-event';
import { cli } from '../test-support/run-cli';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cartes-badges-signed-digest-'));
const at = (name: string) => path.join(dir, name);
const keyring = at('trousseau.json');
const auditorKey = at('auditeur.key');
const serviceKey = at('service.key');
// Written without a key first (a store from before signing was switched on).
const file = at('events.db');
const store = `sqlite:${file}`;
const signedDigest = at('digest-signe.json');

async function ok(args: string[], env: Record<string, string> = {}): Promise<string> {
  const run = await cli(args, env);
  if (run.code !== 0) throw new Error(`cartes-badges ${args.join(' ')} exited ${run.code}: ${run.stderr}`);
  return run.stdout + run.stderr;
}
const against = (digestFile: string, ...extra: string[]) =>
  cli(['verify', '--against', digestFile, ...extra, '--store', store]);

beforeAll(async () => {
  await ok(['keys', 'generate', '--id', 'auditeur-2026', '--out', auditorKey, '--keyring', keyring]);
  await ok(['demo', '--dossiers', '2', '--store', store]);
  await ok(['digest', '--sign', auditorKey, '--out', signedDigest, '--store', store]);
}, scaledTimeout(180_000));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('cartes-badges digest --sign, verify --against … --keys (issue 15)', () => {
  it('writes a digest signed by the key, which verify --against accepts with the keyring', async () => {
    const saved = JSON.parse(fs.readFileSync(signedDigest, 'utf8')) as { signature: unknown };
    expect(saved.signature).toEqual({
      keyId: 'auditeur-2026',
      value: expect.stringMatching(/^[A-Za-z0-9+/]{86}==$/),
    });
    const checked = await against(signedDigest, '--keys', keyring);
    expect([checked.code, checked.stdout]).toEqual([
      0,
      expect.stringContaining("rien n'a changé avant le digest du"),
    ]);
    expect(checked.stdout).toContain('(signé par la clé auditeur-2026)');
  });

  it('a signed digest altered by one character is refused in French (exit 1), before the store is even opened', async () => {
    const text = fs.readFileSync(signedDigest, 'utf8');
    const head = /"headHash": "([0-9a-f])/.exec(text)!;
    const altered = at('digest-altere.json');
    const digit = head[1] === '0' ? '1' : '0';
    fs.writeFileSync(altered, text.slice(0, head.index + 13) + digit + text.slice(head.index + 14));
    expect(fs.readFileSync(altered, 'utf8')).not.toBe(text);
    const refused = await against(altered, '--keys', keyring);
    expect([refused.code, refused.stdout, refused.stderr]).toEqual([
      1,
      '',
      `cartes-badges: Digest refusé (${altered}) : sa signature ne correspond pas à son contenu : le digest ou sa signature a été modifié ; rien n'a été vérifié avec lui\n`,
    ]);
    // The signature comes first: against a store that does not exist, still the signature's refusal.
    const noStore = await cli([
      'verify',
      '--against',
      altered,
      '--keys',
      keyring,
      '--store',
      `sqlite:${at('absent.db')}`,
    ]);
    expect([noStore.code, noStore.stderr]).toEqual([1, expect.stringContaining('Digest refusé')]);
    expect(fs.existsSync(at('absent.db'))).toBe(false);
  });

  it(
    'refuses a digest signed by a key the keyring does not hold, and an unsigned digest when a keyring is given',
    async () => {
      const strangerKey = at('intrus.key');
      await ok(['keys', 'generate', '--id', 'intrus', '--out', strangerKey, '--keyring', at('intrus.json')]);
      const byStranger = at('digest-intrus.json');
      await ok(['digest', '--sign', strangerKey, '--out', byStranger, '--store', store]);
      const unknown = await against(byStranger, '--keys', keyring);
      expect([unknown.code, unknown.stderr]).toEqual([
        1,
        expect.stringContaining('il est signé par la clé intrus, que le trousseau ne contient pas'),
      ]);
      const plain = at('digest.json');
      await ok(['digest', '--out', plain, '--store', store]);
      const notSigned = await against(plain, '--keys', keyring);
      expect([notSigned.code, notSigned.stderr]).toEqual([1, expect.stringContaining("il n'est pas signé")]);
      const unchecked = await against(signedDigest);
      expect([unchecked.code, unchecked.stderr]).toEqual([
        2,
        expect.stringContaining('donnez le trousseau (--keys'),
      ]);
    },
    scaledTimeout(60_000),
  );

  it(
    'vouches for the history written before signing was switched on: after the digest every event must be signed',
    async () => {
      // Signing switched on: the service's key joins the keyring, the demo goes on with it.
      await ok(['keys', 'generate', '--id', 'service-2026-01', '--out', serviceKey, '--keyring', keyring]);
      await ok(['demo', '--dossiers', '4', '--store', store], { CARTES_BADGES_SIGNING_KEY: serviceKey });
      // The keyring alone refuses the events written before: nothing signs them.
      const keysOnly = await cli(['verify', '--keys', keyring, '--store', store]);
      expect([keysOnly.code, keysOnly.stdout]).toEqual([1, expect.stringContaining('unsigned (non signé)')]);
      // The signed digest proves them; what came after it is signed by the service.
      const vouched = await against(signedDigest, '--keys', keyring);
      expect([vouched.code, vouched.stdout]).toEqual([
        0,
        expect.stringMatching(
          /SIGNÉ {2}[1-9]\d* événement\(s\) depuis le digest signés par des clés du trousseau/,
        ),
      ]);
      // A forger's event after the digest is not covered by it, and is refused.
      const forgery = await forgeIntoSqlite(file);
      const caught = await against(signedDigest, '--keys', keyring);
      expect(caught.code).toBe(1);
      expect(caught.stdout).toContain(
        `ROMPU  ${forgery.streamId}  version ${forgery.version}  unsigned (non signé)`,
      );
    },
    scaledTimeout(180_000),
  );
});
