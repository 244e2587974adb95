// Splits the results of a group run (several files mutated in one Stryker run, so that the
// TypeScript checker and the dry run of the scope's tests start once for them) into one results
// file per source file, as a run of that file alone keeps them: later runs of the file are
// then incremental on their own, and score.mjs reads every file the same way.
//   node scripts/mutation/split-results.mjs <scope> <group results> <file>...
// Each file's results keep the test files its mutants name (covered or killed by): a test Stryker
// does not find there is new to it, and it re-tests a mutant such a test covers, which is what a
// test added since would ask for.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { incrementalFileOf } from './scopes.mjs';

const [scopeName, groupResults, ...files] = process.argv.slice(2);
const report = JSON.parse(readFileSync(groupResults, 'utf8'));

for (const file of files) {
  const entry = report.files[file];
  const mutants = entry?.mutants ?? [];
  const named = new Set(mutants.flatMap((m) => [...(m.coveredBy ?? []), ...(m.killedBy ?? [])]));
  const testFiles = Object.fromEntries(
    Object.entries(report.testFiles ?? {}).filter(([, testFile]) =>
      testFile.tests.some((test) => named.has(test.id)),
    ),
  );
  const own = {
    ...report,
    config: { ...report.config, mutate: [file], incrementalFile: incrementalFileOf(scopeName, file) },
    files: entry ? { [file]: entry } : {},
    testFiles,
  };
  const results = incrementalFileOf(scopeName, file);
  // A scope's first results, or a file in a sub-folder: its folder may not exist yet.
  mkdirSync(path.dirname(results), { recursive: true });
  writeFileSync(results, `${JSON.stringify(own)}\n`);
  console.log(`${file}: ${mutants.length} mutants, ${Object.keys(testFiles).length} test files`);
}
