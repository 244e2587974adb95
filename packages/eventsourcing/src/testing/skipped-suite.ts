/// <reference types="jest" />

/**
 * Reports a contract suite as skipped, with its reason, in jest's summary and on stderr: how a
 * harness whose store is unavailable here (a server not running) says so instead of passing.
 */
export function describeSkipped(title: string, reason: string): void {
  describe.skip(`${title} (skipped: ${reason})`, () => {
    it('runs the contract', () => undefined);
  });
  console.warn(`${title} skipped: ${reason}`);
}
