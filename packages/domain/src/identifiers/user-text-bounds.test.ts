// Texts at the bound where counting stops (8,192 UTF-16 units): what a message echoes and how a
// length is told there. The mutation run of issue 20 (pnpm mutation identifiers)
// found the bound and its fallbacks untried.
import { characterCount, echoText, isLongerThan, unstorableCharacter } from './user-text';

const COUNTED_UNITS = 8192;

describe('texts at the counting bound (R-08)', () => {
  it('R-08 counts a text of exactly 8,192 units, and gives up one unit further', () => {
    expect(characterCount('x'.repeat(COUNTED_UNITS))).toBe(COUNTED_UNITS);
    expect(characterCount('x'.repeat(COUNTED_UNITS + 1))).toBeUndefined();
  });

  it('R-08 a text longer than the bound is longer than any limit under its length', () => {
    expect(isLongerThan('a'.repeat(10_000), 9_000)).toBe(true);
    expect(isLongerThan('a'.repeat(10_000), 10_000)).toBe(false);
  });

  it('R-08 echoes a text of few characters but many units whole, without "…"', () => {
    const accented = 'e\u0301'.repeat(50); // 50 characters, 100 UTF-16 units
    expect(echoText(accented)).toBe(accented);
  });

  it('R-08 never echoes half an emoji cut by the counting bound', () => {
    const text = `${'a'.repeat(COUNTED_UNITS - 1)}😀`;
    const echoed = echoText(text, COUNTED_UNITS);
    expect(unstorableCharacter(echoed)).toBeUndefined();
    expect(echoed).toBe(`${'a'.repeat(COUNTED_UNITS - 1)}…`);
  });

  it('R-08 places a NUL past the counting bound by its UTF-16 position', () => {
    expect(unstorableCharacter(`${'a'.repeat(9_000)}\u0000`)).toBe(
      'caractère nul (U+0000) interdit en position 9001',
    );
  });
});
