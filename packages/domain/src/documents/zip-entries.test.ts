// an xlsx or docx is recognised by the entries of its ZIP archive. Real archives carry
// extra fields, comments and data descriptors that the fixtures' plain writer left out; the
// mutation run of issue 20 (pnpm mutation documents) showed the reader's offsets untested.
import { storedZip, type ZipEntry } from '../fixtures/zip-writer';
import { detectFormat, zipEntryNames } from './detect-format';

const TYPES: ZipEntry = { name: '[Content_Types].xml', content: '<Types/>' };
const WORKBOOK: ZipEntry = { name: 'xl/workbook.xml', content: '<workbook/>' };
const APP: ZipEntry = { name: 'docProps/app.xml', content: '<Properties/>' };

/** The archive without its central directory and end record, as a cut-off upload leaves it. */
function localHeadersOnly(zip: Uint8Array): Uint8Array {
  const buffer = Buffer.from(zip);
  const end = buffer.length - 22 - buffer.readUInt16LE(buffer.length - 2);
  return zip.subarray(0, buffer.readUInt32LE(end + 16));
}

describe('zipEntryNames', () => {
  it('R-20 reads every name of the central directory past extra fields and entry comments', () => {
    const zip = storedZip([
      { ...TYPES, extra: 'UT\x05\x00\x01abcd', comment: 'types' },
      { ...WORKBOOK, extra: 'up\x03\x00\x01xy', comment: 'classeur' },
      APP,
    ]);
    expect(zipEntryNames(zip)).toEqual(['[Content_Types].xml', 'xl/workbook.xml', 'docProps/app.xml']);
    expect(detectFormat(zip)).toBe('xlsx');
  });

  it('R-20 walks the local headers past their extra fields when the central directory is cut off', () => {
    const zip = storedZip([{ ...TYPES, extra: 'UT\x05\x00\x01abcd' }, { ...WORKBOOK, extra: 'xx' }, APP]);
    expect(zipEntryNames(localHeadersOnly(zip))).toEqual([
      '[Content_Types].xml',
      'xl/workbook.xml',
      'docProps/app.xml',
    ]);
  });

  it('R-20 stops the walk at an entry whose size comes after its data (data descriptor)', () => {
    const zip = storedZip([TYPES, { ...WORKBOOK, dataDescriptor: true }, APP]);
    expect(zipEntryNames(localHeadersOnly(zip))).toEqual(['[Content_Types].xml', 'xl/workbook.xml']);
    // The central directory, when there, still lists them all.
    expect(zipEntryNames(zip)).toEqual(['[Content_Types].xml', 'xl/workbook.xml', 'docProps/app.xml']);
  });

  it('R-20 finds the end record behind an archive comment, up to the longest one ZIP allows', () => {
    // The first entry has a data descriptor: only the central directory names the workbook.
    const entries = [{ ...TYPES, dataDescriptor: true }, WORKBOOK];
    for (const comment of ['écrit par un tableur', 'c'.repeat(0xffff)]) {
      const zip = storedZip(entries, comment);
      expect(zipEntryNames(zip)).toEqual(['[Content_Types].xml', 'xl/workbook.xml']);
      expect(detectFormat(zip)).toBe('xlsx');
    }
  });

  it('R-20 falls back on the local headers when the end record points outside the archive', () => {
    const zip = Buffer.from(storedZip([TYPES, WORKBOOK]));
    zip.writeUInt32LE(zip.length + 1000, zip.length - 22 + 16);
    expect(zipEntryNames(new Uint8Array(zip))).toEqual(['[Content_Types].xml', 'xl/workbook.xml']);
  });

  it('R-20 falls back on the local headers when the central directory is not where the end record says', () => {
    const zip = Buffer.from(storedZip([TYPES, WORKBOOK]));
    zip.writeUInt32LE(0, zip.length - 22 + 16); // the first local header, not a central one
    expect(zipEntryNames(new Uint8Array(zip))).toEqual(['[Content_Types].xml', 'xl/workbook.xml']);
  });

  it('R-20 reads the central directory past extra fields and comments when the local walk stops at the first entry', () => {
    // The first entry's size comes after its data: only the central directory names the
    // others, so a wrong step over an entry's extra field or comment cannot be hidden by the walk.
    const zip = storedZip([
      { ...TYPES, dataDescriptor: true, extra: 'UT\x05\x00\x01abcd', comment: 'types' },
      { ...WORKBOOK, extra: 'up\x03\x00\x01xy', comment: 'un classeur' },
      { ...APP, comment: 'propriétés' },
    ]);
    expect(zipEntryNames(localHeadersOnly(zip))).toEqual(['[Content_Types].xml']);
    expect(zipEntryNames(zip)).toEqual(['[Content_Types].xml', 'xl/workbook.xml', 'docProps/app.xml']);
    expect(detectFormat(zip)).toBe('xlsx');
  });

  it('R-20 falls back on the local headers when the end record points into the last bytes of the file', () => {
    const zip = Buffer.from(storedZip([TYPES, WORKBOOK]));
    // Too close to the end for a central header's 46 bytes, or just past it: no read out of bounds.
    for (const offset of [zip.length - 45, zip.length - 4, zip.length - 1, zip.length, zip.length + 1]) {
      zip.writeUInt32LE(offset, zip.length - 22 + 16);
      expect(zipEntryNames(new Uint8Array(zip))).toEqual(['[Content_Types].xml', 'xl/workbook.xml']);
    }
  });

  it('R-20 does not read a local header as a central one when the end record points at it', () => {
    const zip = Buffer.from(storedZip([TYPES]));
    zip.writeUInt32LE(0, zip.length - 22 + 16);
    expect(zipEntryNames(new Uint8Array(zip))).toEqual(['[Content_Types].xml']);
  });

  it('R-20 reads a central header that ends on the last byte of the file', () => {
    // A central directory written after the end record (as its comment), cut right after the
    // workbook's fixed 46 bytes: the entry is still there, its name cut off.
    const zip = Buffer.from(storedZip([{ ...TYPES, dataDescriptor: true }, WORKBOOK]));
    const endAt = zip.length - 22;
    const directoryAt = zip.readUInt32LE(endAt + 16);
    const directory = zip.subarray(directoryAt, endAt - WORKBOOK.name.length);
    const end = Buffer.from(zip.subarray(endAt));
    end.writeUInt32LE(directoryAt + 22, 16);
    end.writeUInt16LE(directory.length, 20);
    const moved = Buffer.concat([zip.subarray(0, directoryAt), end, directory]);
    expect(zipEntryNames(new Uint8Array(moved))).toEqual(['[Content_Types].xml', '']);
  });

  it('R-20 lists an entry cut off in its name with what is left of it (nothing right after its header)', () => {
    const zip = localHeadersOnly(storedZip([TYPES, WORKBOOK]));
    const second = 30 + TYPES.name.length + TYPES.content.length;
    expect(zipEntryNames(zip.subarray(0, second + 30 + 4))).toEqual(['[Content_Types].xml', 'xl/w']);
    expect(zipEntryNames(zip.subarray(0, second + 30))).toEqual(['[Content_Types].xml', '']);
    expect(zipEntryNames(zip.subarray(0, second + 29))).toEqual(['[Content_Types].xml']);
  });

  it('R-20 does not read the data after a data descriptor entry as headers, even when it looks like one', () => {
    // A header-like content (a ZIP stored in the ZIP): with its size unknown, the walk cannot
    // know where the data ends, so it stops instead of taking it for the next entry.
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(WORKBOOK.name.length, 26);
    const zip = storedZip([
      { ...TYPES, dataDescriptor: true, content: header.toString('latin1') + WORKBOOK.name },
    ]);
    expect(zipEntryNames(localHeadersOnly(zip))).toEqual(['[Content_Types].xml']);
    expect(detectFormat(localHeadersOnly(zip))).toBeUndefined();
  });

  it('R-20 takes a ZIP made only of its magic bytes for no office document', () => {
    expect(zipEntryNames(new Uint8Array([0x50, 0x4b, 0x03, 0x04]))).toEqual([]);
    expect(detectFormat(new Uint8Array([0x50, 0x4b, 0x03, 0x04]))).toBeUndefined();
  });
});
