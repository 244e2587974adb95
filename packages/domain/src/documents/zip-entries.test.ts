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

  it('R-20 takes a ZIP made only of its magic bytes for no office document', () => {
    expect(zipEntryNames(new Uint8Array([0x50, 0x4b, 0x03, 0x04]))).toEqual([]);
    expect(detectFormat(new Uint8Array([0x50, 0x4b, 0x03, 0x04]))).toBeUndefined();
  });
});
