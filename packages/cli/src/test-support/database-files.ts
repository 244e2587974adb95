import * as fs from 'node:fs';
import * as path from 'node:path';

/** A SQLite database's files (main, -wal, -shm, -journal) with their bytes and mtimes: equal before and after means untouched. */
export function filesOf(file: string): Record<string, { bytes: string; mtimeMs: number }> {
  const state: Record<string, { bytes: string; mtimeMs: number }> = {};
  for (const name of fs.readdirSync(path.dirname(file)).filter((n) => n.startsWith(path.basename(file)))) {
    const full = path.join(path.dirname(file), name);
    if (!fs.statSync(full).isFile()) continue; // the store's blob folder beside it
    state[name] = { bytes: fs.readFileSync(full).toString('base64'), mtimeMs: fs.statSync(full).mtimeMs };
  }
  return state;
}
