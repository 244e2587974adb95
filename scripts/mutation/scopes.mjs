// The scopes of `pnpm mutation` (issue 20), smallest first (lines of code: money 186, documents
// 305, identifiers 766, dossier 3 357, kernel 5 887).
//
// Each source file of a scope is mutated in a Stryker run of its own, with its own incremental
// file: Stryker saves its results only when a run ends, and on the shared 2-core machine a
// whole scope's run (money's 203 mutants: 60 tested in 22 minutes at load 24, niced) did not
// end within a session. A run per file ends, is saved, and the next run of the scope re-tests
// only the mutants that a change touched.
//
// Each scope is judged by the tests of its own folder: with the whole domain package's tests
// (794 of them related to money alone) the dry run took 3 minutes and each mutant of a
// module-level constant ran them all; a rule of a scope is to be proved by a test beside it.
import { readdirSync } from 'node:fs';
import path from 'node:path';

export const scopes = {
  money: { dir: 'packages/domain/src/money' },
  documents: { dir: 'packages/domain/src/documents' },
  identifiers: { dir: 'packages/domain/src/identifiers' },
  dossier: { dir: 'packages/domain/src/dossier' },
  kernel: { dir: 'packages/eventsourcing/src' },
};

/** Not mutated: tests, test helpers and barrels (their re-exports have no logic to mutate). */
const isMutated = (file) =>
  file.endsWith('.ts') &&
  !file.endsWith('.test.ts') &&
  path.basename(file) !== 'index.ts' &&
  !file.split('/').some((part) => ['__tests__', 'testing', 'test-support'].includes(part));

/** The scope named `name`, or an error listing the scopes. */
export function scopeNamed(name) {
  const scope = scopes[name];
  if (!scope)
    throw new Error(`scope must be one of ${Object.keys(scopes).join(', ')} (got ${name ?? 'nothing'})`);
  return scope;
}

/** The files Stryker mutates in a scope, relative to the repository's root, sorted. */
export function mutatedFiles(name) {
  const { dir } = scopeNamed(name);
  return readdirSync(dir, { recursive: true })
    .map((file) => path.posix.join(dir, String(file).split(path.sep).join('/')))
    .filter(isMutated)
    .sort();
}

/** Where the results of a file's runs are kept (committed, so that later runs are incremental). */
export function incrementalFileOf(name, file) {
  const { dir } = scopeNamed(name);
  return path.posix.join('scripts/mutation/incremental', name, `${path.posix.relative(dir, file)}.json`);
}
