/** a dossier number, `YYMM` + `AF` + 6 digits (e.g. 2512AF000408). */
export const dossierNumberPattern = /^(\d{2})(0[1-9]|1[0-2])AF(\d{6})$/;

/** The largest sequence a month can hold with 6 digits. */
export const MAX_MONTHLY_SEQUENCE = 999_999;

/** The first draft number given (the guide shows drafts numbered 10901, 10999). */
export const FIRST_DRAFT_NUMBER = 10_001;

/** The time zone of the fund: a dossier transmitted at 00:30 on 1 January in Paris is a January one. */
export const NUMBERING_TIME_ZONE = 'Europe/Paris';

/** `YYMM` of an instant, in the fund's time zone. */
export function yearMonthOf(instant: Date): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: NUMBERING_TIME_ZONE,
    year: '2-digit',
    month: '2-digit',
  }).formatToParts(instant);
  const year = parts.find((p) => p.type === 'year')?.value ?? '00';
  const month = parts.find((p) => p.type === 'month')?.value ?? '00';
  return `${year}${month}`;
}

/** The dossier number of the `sequence`-th transmission of month `yymm`. */
export function formatDossierNumber(yymm: string, sequence: number): string {
  if (!/^\d{4}$/.test(yymm)) throw new RangeError(`Not a YYMM month: ${yymm}`);
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > MAX_MONTHLY_SEQUENCE) {
    throw new RangeError(`Dossier sequence out of range (1..${MAX_MONTHLY_SEQUENCE}): ${sequence}`);
  }
  return `${yymm}AF${String(sequence).padStart(6, '0')}`;
}
