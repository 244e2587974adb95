// One jest run for the whole workspace. Workspace imports are mapped to the TypeScript
// sources so that tests never depend on a previous build; ts-jest only transpiles
// (type errors are caught once, by `pnpm typecheck`), which keeps the suite fast on 2 cores.
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/packages', '<rootDir>/examples', '<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  transform: {
    // The CLI's sources load stores with `await import(...)`: kept as is (Node16 modules), jest's
    // VM refuses it, so for them the dynamic imports become requires (the CLI's end-to-end tests
    // run its program in the test process, see packages/cli/src/test-support/run-cli.ts).
    '^.+/packages/cli/src/.+\\.ts$': [
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
    '^.+\\.ts$': [
      'ts-jest',
      { tsconfig: '<rootDir>/tsconfig.json', isolatedModules: true, diagnostics: false },
    ],
  },
  moduleNameMapper: {
    '^@cartes-badges/eventsourcing$': '<rootDir>/packages/eventsourcing/src/index.ts',
    '^@cartes-badges/eventsourcing/testing$': '<rootDir>/packages/eventsourcing/src/testing/index.ts',
    '^@cartes-badges/domain$': '<rootDir>/packages/domain/src/index.ts',
    '^@cartes-badges/domain/testing$': '<rootDir>/packages/domain/src/testing/index.ts',
    '^@cartes-badges/sqlite$': '<rootDir>/packages/sqlite/src/index.ts',
    '^@cartes-badges/postgres$': '<rootDir>/packages/postgres/src/index.ts',
    '^@cartes-badges/eventstoredb$': '<rootDir>/packages/eventstoredb/src/index.ts',
    '^@cartes-badges/cli$': '<rootDir>/packages/cli/src/index.ts',
  },
  testTimeout: 30000,
  reporters: ['default', '<rootDir>/scripts/jest/summary-reporter.js'],
};
