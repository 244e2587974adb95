// What a store keeps is frozen all the way down, and a value that holds itself is frozen too.
import { deepFreeze } from './deep-freeze';

describe('deepFreeze', () => {
  it('freezes a value and every object and array it holds, and gives the same value back', () => {
    const value = { data: { lines: [{ amount: 1 }] }, tags: ['a'] };
    expect(deepFreeze(value)).toBe(value);
    for (const part of [value, value.data, value.data.lines, value.data.lines[0], value.tags])
      expect(Object.isFrozen(part)).toBe(true);
    expect(deepFreeze('text')).toBe('text');
    expect(deepFreeze(null)).toBeNull();
  });

  it('ends on a value that holds itself', () => {
    const cyclic: { self?: unknown; list: unknown[] } = { list: [] };
    cyclic.self = cyclic;
    cyclic.list.push(cyclic);
    expect(deepFreeze(cyclic)).toBe(cyclic);
    expect(Object.isFrozen(cyclic.list)).toBe(true);
  });
});
