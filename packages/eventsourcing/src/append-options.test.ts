// checkAppendOptions word for word: what every store answers a caller whose expected version is
// wrong (the store contract checks that each store refuses; this checks what it says).
import { checkAppendOptions } from './append-options';
import type { AppendOptions } from './store';

describe('checkAppendOptions', () => {
  it("reads no options, or options without an expected version, as 'any'", () => {
    expect(checkAppendOptions(undefined)).toBe('any');
    expect(checkAppendOptions({})).toBe('any');
    expect(checkAppendOptions({ expectedVersion: undefined })).toBe('any');
  });

  it('gives back each expected version a caller may mean', () => {
    for (const expected of ['any', 'no_stream', 'stream_exists', -1, 0, 7, Number.MAX_SAFE_INTEGER] as const)
      expect(checkAppendOptions({ expectedVersion: expected })).toBe(expected);
  });

  it.each([
    [{ expectedVersion: '0' }, 'string "0"'],
    [{ expectedVersion: 'no-stream' }, 'string "no-stream"'],
    [{ expectedVersion: 0.5 }, 'number 0.5'],
    [{ expectedVersion: -2 }, 'number -2'],
    [{ expectedVersion: Number.MAX_SAFE_INTEGER + 1 }, 'number 9007199254740992'],
    [{ expectedVersion: Number.NaN }, 'number NaN'],
    [{ expectedVersion: 0n }, 'bigint 0'],
    [{ expectedVersion: null }, 'object null'],
  ])('refuses %p, showing its type and value', (options, shown) => {
    expect(() => checkAppendOptions(options as unknown as AppendOptions)).toThrow(
      new TypeError(
        `appendToStream: expectedVersion must be a version (an integer of at least -1), 'no_stream', 'stream_exists' or 'any', got ${shown}`,
      ),
    );
  });

  it.each([
    ['no_stream', '"no_stream"'],
    [null, 'null'],
    [3, '3'],
    [[0], '[0]'],
    [() => 0, '() => 0'],
  ])('refuses options that are not an object (%p), showing them', (options, shown) => {
    expect(() => checkAppendOptions(options as unknown as AppendOptions)).toThrow(
      new TypeError(
        `appendToStream: options must be an object such as { expectedVersion: 'no_stream' }, got ${shown}`,
      ),
    );
  });
});
