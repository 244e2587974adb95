import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Database from 'better-sqlite3';
import { migrate, schemaVersion, type Migration } from './migrations';

const v1: Migration = {
  version: 1,
  description: 'notes table',
  up: (db) => db.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL)'),
};
const v2: Migration = {
  version: 2,
  description: 'notes get an author',
  up: (db) => db.exec("ALTER TABLE notes ADD COLUMN author TEXT NOT NULL DEFAULT 'unknown'"),
};

describe('versioned migrations', () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cb-sqlite-migrate-'));
    file = path.join(dir, 'm.db');
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('applies every step to a fresh file and nothing to an up-to-date one', () => {
    const db = new Database(file);
    expect(migrate(db, 'notes', [v1, v2])).toEqual({ from: 0, to: 2 });
    expect(migrate(db, 'notes', [v1, v2])).toEqual({ from: 2, to: 2 });
    expect(db.prepare('SELECT COUNT(*) FROM schema_migrations').pluck().get()).toBe(2);
    db.close();
  });

  it('upgrades a file made by an older version, keeping its rows', () => {
    const older = new Database(file);
    migrate(older, 'notes', [v1]);
    older.prepare("INSERT INTO notes (text) VALUES ('kept')").run();
    older.close();

    const newer = new Database(file);
    expect(migrate(newer, 'notes', [v1, v2])).toEqual({ from: 1, to: 2 });
    expect(newer.prepare('SELECT text, author FROM notes').all()).toEqual([
      { text: 'kept', author: 'unknown' },
    ]);
    newer.close();
  });

  it('refuses a file whose schema is newer than the code', () => {
    const db = new Database(file);
    migrate(db, 'notes', [v1, v2]);
    expect(() => migrate(db, 'notes', [v1])).toThrow(
      /notes schema is at version 2, newer than this code knows \(1\)/,
    );
    db.close();
  });

  it('leaves the file as it was when a step fails', () => {
    const db = new Database(file);
    migrate(db, 'notes', [v1]);
    const broken: Migration = {
      version: 2,
      description: 'half done',
      up: (d) => {
        d.exec('CREATE TABLE half (x)');
        throw new Error('step failed');
      },
    };
    expect(() => migrate(db, 'notes', [v1, broken])).toThrow('step failed');
    expect(schemaVersion(db, 'notes')).toBe(1);
    expect(db.prepare("SELECT COUNT(*) FROM sqlite_master WHERE name = 'half'").pluck().get()).toBe(0);
    db.close();
  });

  it('keeps the versions of each component apart', () => {
    const db = new Database(file);
    migrate(db, 'notes', [v1, v2]);
    expect(schemaVersion(db, 'read-models')).toBe(0);
    db.close();
  });

  it('refuses a list with a hole in its versions', () => {
    const db = new Database(file);
    expect(() => migrate(db, 'notes', [v2])).toThrow(/migration #0 has version 2, expected 1/);
    db.close();
  });
});
