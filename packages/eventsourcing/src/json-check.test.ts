// findNonJson says where a value stops being plain JSON and why, word for word: the reason is
// what a developer reads in an InvalidEventError.
import { findNonJson, isPlainObject } from './json-check';

describe('findNonJson', () => {
  it('finds nothing wrong in plain JSON, shared references and null included', () => {
    const shared = { a: 1 };
    expect(
      findNonJson({ s: 'x', b: false, n: -1.5, z: null, l: [shared, shared, []] }, 'data'),
    ).toBeUndefined();
    expect(findNonJson(Object.create(null), 'data')).toBeUndefined();
  });

  it.each([
    [{ n: Number.NaN }, 'data.n', 'is NaN, not a finite JSON number'],
    [[Number.NEGATIVE_INFINITY], 'data[0]', 'is -Infinity, not a finite JSON number'],
    [{ u: undefined }, 'data.u', 'is undefined, which JSON cannot hold'],
    [{ big: 1n }, 'data.big', 'is a BigInt, which JSON cannot hold (use a string)'],
    [{ f: () => 1 }, 'data.f', 'is a function, which JSON cannot hold'],
    [{ s: Symbol('x') }, 'data.s', 'is a symbol, which JSON cannot hold'],
    [{ at: new Date(0) }, 'data.at', 'is a Date, not a plain JSON object'],
    [{ m: new Map() }, 'data.m', 'is a Map, not a plain JSON object'],
    [[1, [2, new Set()]], 'data[1][1]', 'is a Set, not a plain JSON object'],
  ])('names %p at %s: %s', (value, path, reason) => {
    expect(findNonJson(value, 'data')).toEqual({ path, reason });
  });

  it('names a hole in a sparse array, and a cycle where it closes', () => {
    const sparse: number[] = [1];
    sparse[2] = 3;
    expect(findNonJson({ l: sparse }, 'data')).toEqual({
      path: 'data.l[1]',
      reason: 'is a hole in a sparse array',
    });
    const cyclic: { inner: { back?: unknown } } = { inner: {} };
    cyclic.inner.back = cyclic;
    expect(findNonJson(cyclic, 'data')).toEqual({
      path: 'data.inner.back',
      reason: 'refers back to itself (cycle)',
    });
    const list: unknown[] = [];
    list.push([list]);
    expect(findNonJson(list, 'data')).toEqual({
      path: 'data[0][0]',
      reason: 'refers back to itself (cycle)',
    });
  });

  it('calls an object without a constructor name unknown', () => {
    const nameless = Object.create({ constructor: undefined }) as object;
    expect(findNonJson(nameless, 'data')).toEqual({
      path: 'data',
      reason: 'is a unknown, not a plain JSON object',
    });
  });
});

describe('isPlainObject', () => {
  it('is true for object literals and null-prototype objects only (not Math, nor an object with its own toStringTag)', () => {
    expect(isPlainObject({})).toBe(true);
    expect(isPlainObject(Object.create(null))).toBe(true);
    for (const value of [
      [],
      null,
      undefined,
      'x',
      1,
      new Date(0),
      Object.create({}),
      Math,
      { [Symbol.toStringTag]: 'Money' },
    ])
      expect(isPlainObject(value)).toBe(false);
  });
});
