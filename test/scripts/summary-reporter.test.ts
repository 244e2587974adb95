import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

// The closing line CI reads must agree with jest's exit code: a test file that cannot load
// (PostgreSQL absent under CI=true, a syntax error) fails the run without failing a test.
const reporterPath = resolve(__dirname, '../../scripts/jest/summary-reporter.js');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { summaryLines } = require(reporterPath) as {
  summaryLines: (results: unknown, rootDir?: string) => string[];
};
const jestBin = require.resolve('jest/bin/jest');

/** Runs jest on the given files in a fresh folder with only the summary reporter. */
function runJestOn(files: Record<string, string>): { status: number; stdout: string } {
  const dir = mkdtempSync(join(tmpdir(), 'summary-reporter-'));
  try {
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    const config = { rootDir: dir, testMatch: ['**/*.test.js'], reporters: [reporterPath] };
    try {
      const stdout = execFileSync(
        process.execPath,
        [jestBin, '--config', JSON.stringify(config), '--maxWorkers=1', '--ci'],
        { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
      );
      return { status: 0, stdout };
    } catch (error) {
      const failed = error as { status: number; stdout: string };
      return { status: failed.status, stdout: failed.stdout };
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('the jest summary line', () => {
  it('counts a test file that cannot load as failed, names it, and agrees with the exit code', () => {
    const run = runJestOn({
      'passes.test.js': "it('passes', () => expect(1).toBe(1));\n",
      'cannot-load.test.js': "throw new Error('PostgreSQL is not reachable');\n",
    });
    expect(run.status).toBe(1);
    const lines = run.stdout.trim().split('\n');
    expect(lines).toEqual([
      'test files failed outside any test: 1 (cannot-load.test.js)',
      'test files: 1 passed, 1 failed',
      'tests: 1 passed, 1 failed, 0 skipped',
    ]);
  });

  it('counts failed tests once each, and a file whose tests failed is not counted again', () => {
    const run = runJestOn({
      'two-fail.test.js':
        "it('a', () => expect(1).toBe(2));\nit('b', () => expect(1).toBe(2));\nit.skip('c', () => {});\n",
    });
    expect(run.status).toBe(1);
    expect(run.stdout.trim().split('\n')).toEqual([
      'test files: 0 passed, 1 failed',
      'tests: 0 passed, 2 failed, 1 skipped',
    ]);
  });

  it('counts a file whose afterAll throws after its tests passed as failed', () => {
    const lines = summaryLines(
      {
        numPassedTests: 3,
        numFailedTests: 0,
        numPendingTests: 0,
        numTodoTests: 1,
        numFailedTestSuites: 1,
        numTotalTestSuites: 2,
        testResults: [
          { testFilePath: '/repo/a.test.ts', numFailingTests: 0, failureMessage: null },
          {
            testFilePath: '/repo/pkg/b.test.ts',
            numFailingTests: 0,
            failureMessage: 'afterAll: pool.end() rejected',
          },
        ],
      },
      '/repo',
    );
    expect(lines).toEqual([
      'test files failed outside any test: 1 (pkg/b.test.ts)',
      'test files: 1 passed, 1 failed',
      'tests: 3 passed, 1 failed, 1 skipped',
    ]);
  });
});
