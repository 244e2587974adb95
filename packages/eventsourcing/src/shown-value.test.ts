// How an option error shows the value it refuses: a reader must recognise what they passed.
import { shownValue } from './shown-value';

describe('shownValue', () => {
  it('shows a bigint with its n, a text quoted, a list or an object as JSON, anything else as it prints', () => {
    expect(shownValue(5n)).toBe('5n');
    expect(shownValue('3')).toBe('"3"');
    expect(shownValue(3)).toBe('3');
    expect(shownValue(['acc-'])).toBe('["acc-"]');
    expect(shownValue({ ttlMs: 'soon' })).toBe('{"ttlMs":"soon"}');
    expect(shownValue(null)).toBe('null');
    expect(shownValue(undefined)).toBe('undefined');
    expect(shownValue(Number.NaN)).toBe('NaN');
  });

  it('shows an object JSON cannot write (a cycle, a bigint inside) as it prints, never throwing', () => {
    const cyclic: { self?: unknown } = {};
    cyclic.self = cyclic;
    expect(shownValue(cyclic)).toBe('[object Object]');
    expect(shownValue({ expectedVersion: 1n })).toBe('[object Object]');
    expect(shownValue([1n])).toBe('1');
  });
});
