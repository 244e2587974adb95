import * as path from 'node:path';

/** Where a SQLite event store lives: a file, or a private in-memory database. */
export type SqliteLocation = { readonly kind: 'memory' } | { readonly kind: 'file'; readonly file: string };

const MEMORY = ':memory:';

/**
 * Reads a store location given as a path (`./data/events.db`, `:memory:`) or as a URL
 * (`sqlite:./data/events.db`, `sqlite:///var/lib/events.db`, `sqlite::memory:`).
 * Relative paths are resolved against the current directory, once, so that a later
 * `chdir` cannot move the store.
 */
export function parseSqliteLocation(input: {
  readonly path?: string;
  readonly url?: string;
}): SqliteLocation {
  if (input.path !== undefined && input.url !== undefined) {
    throw new TypeError('SQLite store: give either `path` or `url`, not both');
  }
  const raw = input.url !== undefined ? pathOfUrl(input.url) : input.path;
  if (raw === undefined) {
    throw new TypeError(
      "SQLite store: `path` or `url` is required (e.g. 'sqlite:./data/events.db' or ':memory:')",
    );
  }
  if (raw === MEMORY) return { kind: 'memory' };
  if (raw.trim() === '') {
    throw new TypeError('SQLite store: the database path is empty; expected a file path or ":memory:"');
  }
  return { kind: 'file', file: path.resolve(raw) };
}

function pathOfUrl(url: string): string {
  const match = /^sqlite:(.*)$/i.exec(url);
  if (match === null) {
    throw new TypeError(
      `SQLite store: url ${JSON.stringify(url)} is not a SQLite URL; expected 'sqlite:<path>' or 'sqlite::memory:'`,
    );
  }
  const rest = match[1];
  // `sqlite://x` is the authority form: `sqlite:///abs/file.db` names /abs/file.db and
  // `sqlite://rel/file.db` a relative path, as most URL-configured tools read it.
  return rest.startsWith('//') ? rest.slice(2) : rest;
}
