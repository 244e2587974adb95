import { CliError, EXIT } from '../errors';
import { DEMO_NOW, demoNow } from './demo';

describe('demo --now: the clock the demo dossiers are dated by', () => {
  it('reads a day as its midnight UTC and an instant with its offset as that instant', () => {
    expect(demoNow(DEMO_NOW).toISOString()).toBe('2026-01-15T12:00:00.000Z');
    expect(demoNow('2024-02-29').toISOString()).toBe('2024-02-29T00:00:00.000Z');
    expect(demoNow(' 2026-01-15T13:30+01:00 ').toISOString()).toBe('2026-01-15T12:30:00.000Z');
  });

  it.each([
    // Read in the machine's time zone, the same demo would give other dates on another machine.
    ['a time without its offset', '2026-01-15T12:00:00'],
    ['a day that does not exist (new Date reads 2 March)', '2026-02-30'],
    ['29 February of a common year', '2026-02-29'],
    ['hour 24', '2026-01-15T24:00:00Z'],
    ['a month 13', '2026-13-01'],
    ['words', 'demain'],
  ])('refuses %s (%s) as a usage error that shows what it expects', (_why, raw) => {
    let error: unknown;
    try {
      demoNow(raw);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(CliError);
    expect((error as CliError).exitCode).toBe(EXIT.usage);
    expect((error as Error).message).toBe(
      `--now « ${raw} » : date ISO-8601 qui existe attendue, par ex. 2026-01-15 (minuit UTC) ou 2026-01-15T12:00:00Z ou 2026-01-15T13:00:00+01:00`,
    );
  });
});
