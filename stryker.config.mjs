// StrykerJS for `pnpm mutation` (scripts/mutation.sh): one source file per run, named by
// MUTATION_FILE, of the scope named by MUTATION_SCOPE (scripts/mutation/scopes.mjs says why); or
// a group of files never measured, named by MUTATION_FILES (space-separated), whose results go to
// MUTATION_RESULTS and are then split per file (scripts/mutation/split-results.mjs).
// Plugins are given by resolved location: under pnpm's layout the core cannot find them by its
// default `@stryker-mutator/*` scan of its own node_modules, and they are ES modules (a
// `require.resolve` would give the jest runner's CommonJS environment).
import { incrementalFileOf, mutatedFiles, scopeNamed } from './scripts/mutation/scopes.mjs';

const scopeName = process.env.MUTATION_SCOPE;
const scope = scopeNamed(scopeName);
const files = process.env.MUTATION_FILES?.split(' ').filter(Boolean) ?? [process.env.MUTATION_FILE];
for (const file of files) {
  if (!mutatedFiles(scopeName).includes(file)) {
    throw new Error(
      `MUTATION_FILE(S) must name mutated files of the scope ${scopeName} (got ${file ?? 'nothing'})`,
    );
  }
}
if (files.length > 1 && !process.env.MUTATION_RESULTS) {
  throw new Error('MUTATION_FILES needs MUTATION_RESULTS: where the group run keeps its results');
}

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  plugins: [
    import.meta.resolve('@stryker-mutator/jest-runner'),
    import.meta.resolve('@stryker-mutator/typescript-checker'),
  ],
  testRunner: 'jest',
  jest: {
    projectType: 'custom',
    configFile: 'jest.config.js',
    // Only the tests of the scope's folder.
    config: { roots: [`<rootDir>/${scope.dir}`] },
    // Not `findRelatedTests`: with the roots above, jest's dependency graph holds only the scope's
    // folder, so a test that reaches the scope through a file outside it (the dossier tests
    // import `../../testing`, which imports the decider) is not "related" and its coverage is
    // lost: decide/creation.ts showed 26 mutants without coverage that its tests kill. The dry
    // run then runs the whole folder once (seconds); each mutant still runs only its covering tests.
    enableFindRelatedTests: false,
  },
  checkers: ['typescript'],
  // The scope's sources and what they import (scripts/mutation/tsconfig.<scope>.json): the checker
  // started in minutes on the two packages with their tests at load 20-30.
  tsconfigFile: `scripts/mutation/tsconfig.${scopeName}.json`,
  typescriptChecker: { prioritizePerformanceOverAccuracy: true },
  mutate: files,
  // Each mutant runs only the tests that covered it in the initial run.
  coverageAnalysis: 'perTest',
  // The machine has 2 cores shared by several engineers: one test runner and one checker unless
  // MUTATION_CONCURRENCY says more (2 on a quiet machine halves a scope's time).
  concurrency: Number(process.env.MUTATION_CONCURRENCY ?? 1),
  incremental: true,
  // MUTATION_FORCE=1 re-tests every mutant of the file: Stryker reuses a survivor of a
  // module-level constant (a static mutant, covered by no test in particular) even after a test
  // that kills it was added.
  force: process.env.MUTATION_FORCE === '1',
  incrementalFile: process.env.MUTATION_RESULTS ?? incrementalFileOf(scopeName, files[0]),
  // A loaded machine makes a run slow: a mutant is judged timed out only well past its dry run.
  // Timeouts cost most of a run's time (a mutant that hangs holds its runner this long), so on a
  // quiet machine MUTATION_TIMEOUT_MS=15000 is enough and much faster.
  timeoutMS: Number(process.env.MUTATION_TIMEOUT_MS ?? 60_000),
  reporters: ['clear-text', 'progress'],
  clearTextReporter: { allowColor: false, logTests: false, reportScoreTable: true },
  thresholds: { high: 90, low: 85, break: null },
  // docs/operations.md stays: a test checks that it lists every span and metric the kernel reports.
  ignorePatterns: [
    'bench',
    'docs/*',
    '!docs/operations.md',
    '.changeset',
    'coverage',
    'data',
    'scripts/mutation/incremental',
  ],
  tempDirName: '.stryker-tmp',
  cleanTempDir: true,
};
