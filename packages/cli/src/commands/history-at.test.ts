import { CliError, EXIT } from '../errors';
import { parseAt } from './history';

describe('history --at: the moment an auditor asks for', () => {
  it('reads a day as its last millisecond, UTC, and an instant with its offset as UTC', () => {
    expect(parseAt('2025-12-01')).toBe('2025-12-01T23:59:59.999Z');
    expect(parseAt(' 2024-02-29 ')).toBe('2024-02-29T23:59:59.999Z');
    expect(parseAt('2025-12-01T14:30:00Z')).toBe('2025-12-01T14:30:00.000Z');
    expect(parseAt('2025-12-01T15:30+01:00')).toBe('2025-12-01T14:30:00.000Z');
  });

  it.each([
    // Read in the auditor's time zone, the same command would show another state elsewhere.
    ['a time without its offset', '2025-12-01T14:30'],
    ['a day that does not exist (Date.parse reads 2 March)', '2025-02-30'],
    ['29 February of a common year', '2025-02-29'],
    ['hour 24', '2025-12-01T24:00:00Z'],
    ['words', 'hier'],
    ['a date followed by words', '2025-12-01 midi'],
  ])('refuses %s (%s) as a usage error that shows what it expects', (_why, raw) => {
    let error: unknown;
    try {
      parseAt(raw);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(CliError);
    expect((error as CliError).exitCode).toBe(EXIT.usage);
    expect((error as Error).message).toBe(
      `--at « ${raw} » : attendu une date ISO-8601 qui existe, par ex. 2025-12-01, ou une heure avec son fuseau, par ex. 2025-12-01T14:30:00Z ou 2025-12-01T15:30:00+01:00`,
    );
  });
});
