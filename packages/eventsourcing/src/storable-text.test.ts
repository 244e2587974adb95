// No store keeps NUL or a lone surrogate unchanged: where the first one is, and why, word for word.
import { isStorableText, unstorableIndex, unstorableReason } from './storable-text';

describe('storable text', () => {
  it('takes any other text, astral characters (a surrogate pair) and control characters included', () => {
    for (const text of ['', 'é\t\u0001', '\ud83d\ude00 ok', '\uffff']) {
      expect(isStorableText(text)).toBe(true);
      expect(unstorableIndex(text)).toBe(-1);
      expect(unstorableReason(text)).toBeUndefined();
    }
  });

  it.each([
    ['ab\u0000c', 2, 'must not contain the NUL character (U+0000), found at index 2'],
    ['x\ud83d', 1, 'must be valid Unicode: lone surrogate U+D83D at index 1'],
    ['\ud800x', 0, 'must be valid Unicode: lone surrogate U+D800 at index 0'],
    ['ok\ude00', 2, 'must be valid Unicode: lone surrogate U+DE00 at index 2'],
    ['\ud83d\ude00\udfff', 2, 'must be valid Unicode: lone surrogate U+DFFF at index 2'],
    ['\udbff\udbff\udc00', 0, 'must be valid Unicode: lone surrogate U+DBFF at index 0'],
  ])('refuses text %# at index %i: %s', (text, index, reason) => {
    expect(isStorableText(text)).toBe(false);
    expect(unstorableIndex(text)).toBe(index);
    expect(unstorableReason(text)).toBe(reason);
  });
});
