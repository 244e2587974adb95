// ISO-8601 texts the kernel accepts as an instant (event metadata `occurredAt`) or as a row
// projection's `timestamptz` value. `Date.parse` alone is too lenient for either: it rolls an
// impossible day over (2026-02-30 is read as 2 March), and reads a date-time without offset in
// the local time zone of the process, so that two machines, or SQLite (read by JavaScript) and
// PostgreSQL (read in its session's time zone), would record two different instants.

const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-](\d{2}):(\d{2}))$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const daysInMonth = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** A calendar day that exists (month 1 to 12, day within its month, 29 February of leap years only). */
const isCalendarDay = (year: string, month: string, day: string): boolean => {
  const m = Number(month);
  const d = Number(day);
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(Number(year), m);
};

/**
 * `2024-05-01T08:30:00.000Z` or `2024-05-01T10:30+02:00`: a date and time with its offset (`Z` or
 * `±hh:mm`), every part in range (no 24:00, no leap second, offsets up to ±23:59).
 */
export function isIsoInstant(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const parts = INSTANT.exec(value);
  if (!parts) return false;
  const [, year, month, day, hour, minute, second = '00', offsetHours = '00', offsetMinutes = '00'] = parts;
  return (
    isCalendarDay(year, month, day) &&
    Number(hour) <= 23 &&
    Number(minute) <= 59 &&
    Number(second) <= 59 &&
    Number(offsetHours) <= 23 &&
    Number(offsetMinutes) <= 59
  );
}

/** An instant as {@link isIsoInstant}, or a calendar day alone (`2024-05-01`, read as midnight UTC). */
export function isIsoDateOrInstant(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const day = DATE.exec(value);
  return day ? isCalendarDay(day[1], day[2], day[3]) : isIsoInstant(value);
}
