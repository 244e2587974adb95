// a file's format is read from its content. Limits of that reading that the mutation run
// of issue 20 (pnpm mutation documents) found unasserted.
import { detectFormat, isText } from './detect-format';

describe('detectFormat at the edges of its signatures', () => {
  it('R-20 recognises a file made of nothing but its signature', () => {
    expect(detectFormat(new Uint8Array([0xff, 0xd8, 0xff]))).toBe('jpg');
    expect(detectFormat(new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d]))).toBe('pdf');
  });

  it('R-20 does not take the start of a signature for the signature', () => {
    expect(detectFormat(new Uint8Array([0xff, 0xd8]))).toBe('csv'); // two Windows-1252 letters
    expect(detectFormat(new Uint8Array([0x89, 0x50, 0x4e, 0x47]))).toBe('csv'); // ‰PNG in Windows-1252
  });
});

describe('isText (R-20: csv)', () => {
  it('R-20 accepts tabs, carriage returns and line feeds', () => {
    expect(isText(Buffer.from('Nom\tPrénom\r\nDurand\tÉmilie\n', 'utf8'))).toBe(true);
    expect(isText(Buffer.from('a\tb', 'latin1'))).toBe(true);
    expect(isText(Buffer.from('a\rb', 'latin1'))).toBe(true);
    expect(isText(Buffer.from('a\nb', 'latin1'))).toBe(true);
  });

  it('R-20 refuses DEL and any other control character', () => {
    expect(isText(new Uint8Array([0x61, 0x7f, 0x62]))).toBe(false);
    expect(isText(new Uint8Array([0x61, 0x1f, 0x62]))).toBe(false);
    expect(isText(new Uint8Array([0x20, 0x7e]))).toBe(true);
  });

  it('R-20 refuses each byte that Windows-1252 leaves undefined, in text that is not UTF-8', () => {
    for (const undefinedByte of [0x81, 0x8d, 0x8f, 0x90, 0x9d]) {
      expect(isText(new Uint8Array([0x44, 0xe9, undefinedByte]))).toBe(false);
    }
    expect(isText(new Uint8Array([0x44, 0xe9, 0x80]))).toBe(true); // é then €
  });
});
