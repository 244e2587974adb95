import fc from 'fast-check';
import { comparePositions, decodePosition, encodePosition } from './positions';

const u64 = fc.bigInt({ min: 0n, max: (1n << 64n) - 1n });
const position = fc.record({ commit: u64, prepare: u64 });

describe('global positions: the commit/prepare pair as one bigint', () => {
  it('round-trips every pair of unsigned 64-bit positions without loss', () => {
    fc.assert(fc.property(position, (p) => expect(decodePosition(encodePosition(p))).toEqual(p)));
  });

  it('sorts as $all does: by commit, then by prepare', () => {
    fc.assert(
      fc.property(position, position, (a, b) => {
        const byBigint =
          encodePosition(a) < encodePosition(b) ? -1 : encodePosition(a) > encodePosition(b) ? 1 : 0;
        expect(byBigint).toBe(comparePositions(a, b));
      }),
    );
  });

  it('keeps events of one write (same commit) in prepare order, beyond what a JS number holds', () => {
    const commit = 2n ** 60n;
    expect(
      encodePosition({ commit, prepare: commit + 1n }) > encodePosition({ commit, prepare: commit }),
    ).toBe(true);
    expect(encodePosition({ commit, prepare: 5n }) > Number.MAX_SAFE_INTEGER).toBe(true);
  });

  it('refuses what is not a position, saying why', () => {
    expect(() => encodePosition({ commit: -1n, prepare: 0n })).toThrow(/commit position -1/);
    expect(() => encodePosition({ commit: 0n, prepare: 1n << 64n })).toThrow(/prepare position/);
    expect(() => decodePosition(-5n)).toThrow(/not an EventStoreDB position/);
    expect(() => decodePosition(1n << 128n)).toThrow(/not an EventStoreDB position/);
  });
});
