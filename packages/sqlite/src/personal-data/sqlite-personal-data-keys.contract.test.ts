import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PersonalDataKeys } from '@cartes-badges/eventsourcing';
import { runPersonalDataKeysContract } from '@cartes-badges/eventsourcing/testing';
import Database from 'better-sqlite3';
import { createSqlitePersonalDataKeys } from './sqlite-personal-data-keys';

const base = mkdtempSync(join(tmpdir(), 'cb-sqlite-keys-'));
const files = new Map<PersonalDataKeys, { file: string; db: Database.Database }>();
let next = 0;

function opened(file: string): PersonalDataKeys {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  const keys = createSqlitePersonalDataKeys({ database: db });
  files.set(keys, { file, db });
  return keys;
}

runPersonalDataKeysContract('SQLite', {
  create: () => Promise.resolve(opened(join(base, `keys-${next++}.db`))),
  reopen: (keys) => Promise.resolve(opened(files.get(keys)!.file)),
  teardown: () => {
    for (const { db } of files.values()) if (db.open) db.close();
    rmSync(base, { recursive: true, force: true });
    return Promise.resolve();
  },
});

describe('SQLite personal data keys: what is left on disk', () => {
  const own = mkdtempSync(join(tmpdir(), 'cb-sqlite-shred-'));
  afterAll(() => {
    for (const { db } of files.values()) if (db.open) db.close();
    rmSync(own, { recursive: true, force: true });
  });
  it('no byte of a destroyed key stays in the database file or its log', () => {
    const file = join(own, 'shred.db');
    const keys = opened(file);
    return (async () => {
      const key = Buffer.from(await keys.keyForWriting('dossier-shred'));
      await keys.destroy('dossier-shred');
      const { readFileSync, existsSync } = await import('node:fs');
      const bytes = Buffer.concat(
        [file, `${file}-wal`].filter((f) => existsSync(f)).map((f) => readFileSync(f)),
      );
      expect(bytes.includes(key)).toBe(false);
    })();
  });

  it('a read-only connection of a store without the table reads no key and creates nothing', async () => {
    const file = join(own, 'old.db');
    new Database(file).close();
    const db = new Database(file, { readonly: true });
    const keys = createSqlitePersonalDataKeys({ database: db, readOnly: true });
    expect((await keys.keysFor(['dossier-x'])).size).toBe(0);
    db.close();
  });
});
