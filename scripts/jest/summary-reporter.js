// Prints the plain closing line "N passed, N failed, N skipped" that CI reads, after
// jest's own summary (jest's "Tests: ..." line is not one CI recognises).
class SummaryLineReporter {
  onRunComplete(_contexts, results) {
    const { numPassedTests, numFailedTests, numPendingTests, numTodoTests } = results;
    process.stdout.write(
      `\ntests: ${numPassedTests} passed, ${numFailedTests} failed, ${numPendingTests + numTodoTests} skipped\n`,
    );
  }
}
module.exports = SummaryLineReporter;
