import { isIsoDateOrInstant, isIsoInstant } from './iso-instant';

describe('isIsoInstant: a date and time with its offset, every part in range', () => {
  it.each([
    '2024-05-01T08:30:00.000Z',
    '2024-05-01T08:30Z',
    '2024-05-01T08:30:59.123456Z',
    '2024-05-01T10:30+02:00',
    '2024-05-01T00:00:00-23:59',
    '2024-02-29T23:59:59Z', // 2024 is a leap year
    '2000-02-29T00:00:00Z', // divisible by 400: leap
    '2026-12-31T23:59:59+14:00',
    '2026-01-31T12:00:00Z',
  ])('accepts %s', (text) => {
    expect(isIsoInstant(text)).toBe(true);
  });

  it.each([
    ['no offset: the process time zone would choose the instant', '2024-05-01T08:30:00'],
    ['a day alone', '2024-05-01'],
    ['30 February', '2026-02-30T00:00:00Z'],
    ['29 February of a common year', '2026-02-29T00:00:00Z'],
    ['29 February of 1900 (divisible by 100, not by 400)', '1900-02-29T00:00:00Z'],
    ['31 April', '2026-04-31T00:00:00Z'],
    ['day 0', '2026-04-00T00:00:00Z'],
    ['month 13', '2026-13-01T00:00:00Z'],
    ['month 0', '2026-00-01T00:00:00Z'],
    ['hour 24', '2026-01-01T24:00:00Z'],
    ['minute 60', '2026-01-01T10:60:00Z'],
    ['a leap second', '2026-01-01T10:00:60Z'],
    ['offset hour 24', '2026-01-01T10:00:00+24:00'],
    ['offset minute 60', '2026-01-01T10:00:00+01:60'],
    ['an offset without colon', '2026-01-01T10:00:00+0200'],
    ['a space instead of T', '2026-01-01 10:00:00Z'],
    ['a NUL after it', '2026-01-01T10:00:00Z\u0000'],
    ['a space before it', ' 2026-01-01T10:00:00Z'],
    ['a lower-case z', '2026-01-01T10:00:00z'],
    ['a number', 20260101],
    ['a Date', new Date(0)],
  ])('refuses %s', (_why, value) => {
    expect(isIsoInstant(value)).toBe(false);
  });
});

describe('isIsoDateOrInstant: a calendar day alone, or an instant', () => {
  it.each(['2026-01-05', '2024-02-29', '2026-01-05T10:00:00+01:00'])('accepts %s', (text) => {
    expect(isIsoDateOrInstant(text)).toBe(true);
  });

  it.each([
    '2026-02-29',
    '2026-13-05',
    '2026-01-32',
    '2026-01-05T10:00',
    '2026-1-05',
    '2026-01-05\u0000',
    null,
  ])('refuses %p', (value) => {
    expect(isIsoDateOrInstant(value)).toBe(false);
  });
});
