// What a store parses back from its JSON text is frozen all the way down, arrays as objects.
import { freezeParsed } from './freeze-parsed';

describe('freezeParsed', () => {
  it('freezes a parsed value and every object and array inside it, and gives it back', () => {
    const value = JSON.parse('{"lines":[{"amount":1,"tags":["a"]}],"owner":{"name":"Ada"},"n":null}') as {
      lines: { amount: number; tags: string[] }[];
      owner: { name: string };
    };
    expect(freezeParsed(value)).toBe(value);
    for (const part of [value, value.lines, value.lines[0], value.lines[0].tags, value.owner])
      expect(Object.isFrozen(part)).toBe(true);
    const list = JSON.parse('[[1],{"a":[2]}]') as [number[], { a: number[] }];
    freezeParsed(list);
    for (const part of [list, list[0], list[1], list[1].a]) expect(Object.isFrozen(part)).toBe(true);
    expect(freezeParsed('text')).toBe('text');
    expect(freezeParsed(null)).toBeNull();
  });
});
