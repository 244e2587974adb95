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
