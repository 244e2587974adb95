import { scaledTimeout } from '@cartes-badges/eventsourcing/testing';
// The attached files through the `cartes-badges` command: the demo keeps them
// beside its SQLite file (or in PostgreSQL), `verify --documents` proves them or names what is
// wrong, `history` shows each file's SHA-256, `blobs gc` removes only files no event names.
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createDirectoryBlobStore, type BlobListing } from '@cartes-badges/eventsourcing';
import { dropPostgresSchema } from '../test-support/postgres-schema';
import { cli } from '../test-support/run-cli';

jest.setTimeout(scaledTimeout(120_000));

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cartes-badges-files-'));
const dbFile = path.join(dir, 'events.db');
const store = `sqlite:${dbFile}`;
const folder = `${dbFile}.blobs`;

async function storedFiles(): Promise<BlobListing[]> {
  const files: BlobListing[] = [];
  for await (const file of createDirectoryBlobStore(folder).list()) files.push(file);
  return files;
}

const pathOf = (key: string): string => path.join(folder, 'sha256', key.slice(0, 2), key.slice(2, 4), key);

beforeAll(async () => {
  const run = await cli(['demo', '--dossiers', '3', '--store', store]);
  if (run.code !== 0) throw new Error(`demo failed: ${run.stderr}`);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('attached files through the CLI (SQLite)', () => {
  it('R-20 the demo keeps every attached file beside its events file, across runs; verify --documents proves them', async () => {
    const files = await storedFiles();
    expect(files.length).toBeGreaterThan(3);
    for (const file of files)
      expect(
        createHash('sha256')
          .update(fs.readFileSync(pathOf(file.key)))
          .digest('hex'),
      ).toBe(file.key);
    const verify = await cli(['verify', '--documents', '--store', store]);
    expect(verify.code).toBe(0);
    expect(verify.stdout).toMatch(/^OK {2}\d+ document\(s\) de \d+ dossier\(s\) : chaque fichier/);
  });

  it('R-20 history shows each document’s full SHA-256, the one an auditor recomputes from a copy', async () => {
    const verify = JSON.parse((await cli(['verify', '--documents', '--json', '--store', store])).stdout);
    expect(verify.ok).toBe(true);
    const dossiers = JSON.parse((await cli(['dossiers', '--json', '--store', store])).stdout);
    const number = dossiers.rows[0].number as string;
    const history = await cli(['history', number, '--store', store]);
    const shown = [...history.stdout.matchAll(/sha256 ([0-9a-f]{64})\b/g)].map((m) => m[1]);
    expect(shown.length).toBeGreaterThan(0);
    const keys = new Set((await storedFiles()).map((f) => f.key));
    for (const sha256 of shown) expect(keys.has(sha256)).toBe(true);
  });

  it('R-20 verify --documents exits 1 naming the dossier and the document when a byte changed or a file is gone', async () => {
    const [altered, deleted] = (await storedFiles()).map((f) => f.key);
    fs.chmodSync(pathOf(altered), 0o644);
    const original = fs.readFileSync(pathOf(altered));
    const bytes = Buffer.from(original);
    bytes[Math.floor(bytes.length / 2)] ^= 1;
    fs.writeFileSync(pathOf(altered), bytes);
    const backup = fs.readFileSync(pathOf(deleted));
    fs.rmSync(pathOf(deleted));
    try {
      const verify = await cli(['verify', '--documents', '--store', store]);
      expect(verify.code).toBe(1);
      const lines = verify.stdout.trim().split('\n');
      expect(lines.find((l) => l.includes(`l'événement enregistre ${altered}`))).toMatch(
        /^ROMPU {2}dossier \S+ \([0-9a-f-]{36}\) {2}document [0-9a-f-]{36} « .+ » \(.+\) {2}altered \(fichier modifié\)/,
      );
      expect(lines.find((l) => l.includes(`aucun fichier sous la clé ${deleted}`))).toMatch(
        /^ROMPU {2}dossier .* {2}missing \(fichier manquant\)/,
      );
      expect(lines.at(-1)).toMatch(/^\d+ document\(s\) sur \d+ sans leur fichier intact/);
    } finally {
      fs.writeFileSync(pathOf(altered), original);
      fs.writeFileSync(pathOf(deleted), backup);
    }
    expect((await cli(['verify', '--documents', '--store', store])).code).toBe(0);
  });

  it('R-20 blobs gc removes a file no event names, once older than the grace period, and never a referenced one', async () => {
    const before = await storedFiles();
    const orphan = await createDirectoryBlobStore(folder).put(Buffer.from('%PDF-1.4 orpheline'));
    const young = await cli(['blobs', 'gc', '--json', '--store', store]);
    expect(JSON.parse(young.stdout)).toEqual(
      expect.objectContaining({ removed: [], referenced: before.length, young: 1 }),
    );
    const collected = await cli(['blobs', 'gc', '--grace-minutes', '0', '--store', store]);
    expect(collected.code).toBe(0);
    expect(collected.stdout).toContain(`supprimé  ${orphan.key}`);
    expect((await storedFiles()).map((f) => f.key).sort()).toEqual(before.map((f) => f.key).sort());
    expect((await cli(['verify', '--documents', '--store', store])).code).toBe(0);
    expect((await cli(['blobs', 'gc', '--grace-minutes', 'x', '--store', store])).code).toBe(2);
  });
});

describe('attached files through the CLI (PostgreSQL)', () => {
  it('R-20 the demo keeps the files in the store’s schema; verify --documents proves them (a missing PostgreSQL fails this test)', async () => {
    const schema = `cli_files_${process.pid}`;
    const url = `postgres://postgres@127.0.0.1:5432/test?schema=${schema}`;
    try {
      expect((await cli(['demo', '--dossiers', '2', '--store', url])).code).toBe(0);
      const verify = await cli(['verify', '--documents', '--json', '--store', url]);
      expect(verify.code).toBe(0);
      expect(JSON.parse(verify.stdout)).toEqual(
        expect.objectContaining({ ok: true, documentsChecked: expect.any(Number) }),
      );
      expect(JSON.parse(verify.stdout).documentsChecked).toBeGreaterThan(3);
    } finally {
      await dropPostgresSchema(schema);
    }
  });
});
