// One jest run for the whole workspace. Workspace imports are mapped to the TypeScript
// sources so that tests never depend on a previous build; ts-jest only transpiles
// (type errors are caught once, by `pnpm typecheck`), which keeps the suite fast on 2 cores.
const os = require('node:os');

/**
 * How much slower than an idle machine this one runs: the load per core at start (1 to 8),
 * or TEST_TIMEOUT_SCALE. Jest's 30 s per test holds on an idle 2-core machine; measured on the
 * shared 2-core machine at load 25, tests that take a few seconds idle took over 30 s (CLI
 * end-to-end, PostgreSQL list models), so the default timeout grows with the load instead of
 * failing a suite that is only slow. A hang still fails, at most 4 minutes later.
 */
function timeoutScale() {
  const given = Number(process.env.TEST_TIMEOUT_SCALE);
  if (given > 0) return given;
  const loadPerCore = os.loadavg()[0] / Math.max(1, os.cpus().length);
  return Math.min(8, Math.max(1, Math.ceil(loadPerCore)));
}

// Workers inherit the environment: tests that set their own timeout scale it the same way
// (scaledTimeout in @cartes-badges/eventsourcing/testing).
const scale = timeoutScale();
process.env.TEST_TIMEOUT_SCALE = String(scale);

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/packages', '<rootDir>/examples', '<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  transform: {
    // The CLI's sources load stores with `await import(...)`: kept as is (Node16 modules), jest's
    // VM refuses it, so dynamic imports become requires (the CLI's end-to-end tests run its
    // program in the test process, see packages/cli/src/test-support/run-cli.ts). One transform
    // for every file: ts-jest keeps one configuration per worker (cached by the jest config, not
    // by the transform's options), so a second entry for the CLI alone was ignored whenever a
    // worker had compiled another file first, and the CLI tests then failed on `import()`.
    '^.+\\.ts$': [
      'ts-jest',
      {
        tsconfig: {
          ...require('./tsconfig.base.json').compilerOptions,
          module: 'CommonJS',
          moduleResolution: 'Node10',
        },
        isolatedModules: true,
        diagnostics: false,
      },
    ],
  },
  // Each workspace package's entries, root and subpaths (`@cartes-badges/sqlite/lists`), mapped to
  // its sources: a package or entry added later needs no line here. Examples are not libraries.
  moduleNameMapper: {
    '^@cartes-badges/((?!example-)[a-z-]+)$': '<rootDir>/packages/$1/src/index.ts',
    '^@cartes-badges/((?!example-)[a-z-]+)/([a-z-]+)$': '<rootDir>/packages/$1/src/$2',
  },

  testTimeout: 30_000 * scale,
  reporters: ['default', '<rootDir>/scripts/jest/summary-reporter.js'],
};
