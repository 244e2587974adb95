import { CliError } from '../errors';
import { instantOption } from './instant-option';

describe("a key's date option (--valid-from, --at)", () => {
  it('is now when absent, a day as its midnight UTC, an instant with its offset in UTC', () => {
    const before = Date.now();
    const now = Date.parse(instantOption(undefined, '--at'));
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now).toBeLessThanOrEqual(Date.now());
    expect(instantOption('2026-02-01', '--at')).toBe('2026-02-01T00:00:00.000Z');
    expect(instantOption('2026-02-01T10:00+01:00', '--valid-from')).toBe('2026-02-01T09:00:00.000Z');
  });

  it.each(['2026-02-01T10:00', '2026-02-30', '2026-02-01T10:00:00Z garbage', 'demain'])(
    'refuses %p, naming the option (exit 2)',
    (raw) => {
      expect(() => instantOption(raw, '--valid-from')).toThrow(
        new CliError(
          `--valid-from « ${raw} » : date ISO-8601 qui existe attendue, par ex. 2026-02-01 (minuit UTC) ou 2026-02-01T09:00:00Z ou 2026-02-01T10:00:00+01:00`,
          2,
        ),
      );
    },
  );
});
