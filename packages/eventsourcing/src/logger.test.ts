// Failures the library recovers from are told to onError, else to the logger, else on stderr.
import { consoleLogger, failureReporter } from './logger';

describe('failureReporter', () => {
  it('hands each failure to onError when given, the logger left aside', () => {
    const told: unknown[] = [];
    const warned: unknown[] = [];
    const report = failureReporter(
      { onError: (name, error) => told.push([name, error]), logger: { warn: (o, m) => warned.push([o, m]) } },
      'runner',
      'a runner failed',
    );
    const error = new Error('lost');
    report('liste-dossiers', error);
    expect(told).toEqual([['liste-dossiers', error]]);
    expect(warned).toEqual([]);
  });

  it("tells the logger the error and what failed under the subject's name, with the message", () => {
    const warned: unknown[] = [];
    const error = new Error('lost');
    failureReporter(
      { logger: { warn: (o, m) => warned.push([o, m]) } },
      'runner',
      'a runner failed',
    )('liste', error);
    expect(warned).toEqual([[{ err: error, runner: 'liste' }, 'a runner failed']]);
  });

  it('writes one line on stderr by default', () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      const error = new Error('lost');
      failureReporter({}, 'lease', 'a lease renewal failed')('liste', error);
      expect(warn).toHaveBeenCalledWith('[cartes-badges] a lease renewal failed', {
        err: error,
        lease: 'liste',
      });
      consoleLogger.warn({ a: 1 }, 'direct');
      expect(warn).toHaveBeenLastCalledWith('[cartes-badges] direct', { a: 1 });
    } finally {
      warn.mockRestore();
    }
  });
});
