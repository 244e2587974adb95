// Prints the plain closing line "N passed, N failed, N skipped" that CI reads, after
// jest's own summary (jest's "Tests: ..." line is not one CI recognises).
//
// "failed" counts failed tests AND test files that failed outside any test (a file that
// cannot load, a throwing beforeAll/afterAll, a leaked handle error): jest exits 1 for those,
// and a line saying "0 failed" beside a red exit code sends readers looking in the wrong place.
// Such files are also listed by path on a line of their own.
const path = require('node:path');

/** The test files that failed without any of their tests failing (load or hook errors). */
function filesFailedOutsideTests(results) {
  return results.testResults.filter(
    (file) =>
      file.numFailingTests === 0 && (file.testExecError !== undefined || Boolean(file.failureMessage)),
  );
}

/** The closing lines for one jest run's aggregated results. */
function summaryLines(results, rootDir = process.cwd()) {
  const { numPassedTests, numFailedTests, numPendingTests, numTodoTests } = results;
  const brokenFiles = filesFailedOutsideTests(results);
  const failed = numFailedTests + brokenFiles.length;
  const lines = [];
  if (brokenFiles.length > 0) {
    const paths = brokenFiles.map((file) => path.relative(rootDir, file.testFilePath));
    lines.push(`test files failed outside any test: ${brokenFiles.length} (${paths.join(', ')})`);
  }
  lines.push(
    `test files: ${results.numTotalTestSuites - results.numFailedTestSuites} passed, ` +
      `${results.numFailedTestSuites} failed`,
  );
  lines.push(`tests: ${numPassedTests} passed, ${failed} failed, ${numPendingTests + numTodoTests} skipped`);
  return lines;
}

class SummaryLineReporter {
  constructor(globalConfig) {
    this.rootDir = globalConfig?.rootDir ?? process.cwd();
  }

  onRunComplete(_contexts, results) {
    process.stdout.write(`\n${summaryLines(results, this.rootDir).join('\n')}\n`);
  }
}
module.exports = SummaryLineReporter;
module.exports.summaryLines = summaryLines;
