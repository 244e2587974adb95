// a dossier number is YYMM + AF + 6 digits, the month being the fund's (Paris time).
import {
  dossierNumberPattern,
  formatDossierNumber,
  MAX_MONTHLY_SEQUENCE,
  yearMonthOf,
} from './dossier-number';
import { DOSSIER_NUMBER_PATTERN } from '../events/transmission-events';

describe('dossier numbers', () => {
  it('R-01 takes the month in Paris time, summer and winter, and a year on two digits', () => {
    expect(yearMonthOf(new Date('2025-12-31T22:59:59Z'))).toBe('2512'); // 23:59:59 in Paris (UTC+1)
    expect(yearMonthOf(new Date('2025-12-31T23:00:00Z'))).toBe('2601');
    expect(yearMonthOf(new Date('2026-06-30T21:59:59Z'))).toBe('2606'); // 23:59:59 in Paris (UTC+2)
    expect(yearMonthOf(new Date('2026-06-30T22:00:00Z'))).toBe('2607');
    expect(yearMonthOf(new Date('2109-09-15T12:00:00Z'))).toBe('0909');
  });

  it('R-01 writes the sequence on 6 digits, from 1 to 999 999', () => {
    expect(formatDossierNumber('2512', 1)).toBe('2512AF000001');
    expect(formatDossierNumber('2512', MAX_MONTHLY_SEQUENCE)).toBe('2512AF999999');
    expect(MAX_MONTHLY_SEQUENCE).toBe(999_999);
    for (const sequence of [0, 1_000_000, 1.5]) {
      expect(() => formatDossierNumber('2512', sequence)).toThrow(
        new RangeError(`Dossier sequence out of range (1..999999): ${sequence}`),
      );
    }
    for (const yymm of ['251', '25123', 'AF12', ' 2512']) {
      expect(() => formatDossierNumber(yymm, 1)).toThrow(new RangeError(`Not a YYMM month: ${yymm}`));
    }
  });

  it('R-01 recognises a dossier number: a real month, AF, 6 digits, nothing around', () => {
    expect(['2512AF000408', '0001AF000001', '9912AF999999'].map((n) => dossierNumberPattern.test(n))).toEqual(
      [true, true, true],
    );
    for (const n of [
      '2500AF000001',
      '2513AF000001',
      '2512AF00040',
      '2512AF0004081',
      '2512XX000408',
      ' 2512AF000408',
      '2512AF000408 ',
    ]) {
      expect(dossierNumberPattern.test(n)).toBe(false);
    }
  });

  it('R-01 DOSSIER_NUMBER_PATTERN takes a whole number as the numbering writes it, and nothing around or instead of its digits', () => {
    expect(DOSSIER_NUMBER_PATTERN.test(formatDossierNumber('2512', 408))).toBe(true);
    for (const text of [
      'x2512AF000408',
      '2512AF000408x',
      '2512AF0004',
      'ABCDAF000408',
      '2512AFABCDEF',
      '2512af000408',
      // The month must be a real one, as numbering writes it (the CLI's lookup read 2513 as a number).
      '2513AF000001',
      '2500AF000001',
    ]) {
      expect([text, DOSSIER_NUMBER_PATTERN.test(text)]).toEqual([text, false]);
    }
  });
});
