import { storedZip } from '../fixtures/zip-writer';
import {
  sampleCompoundFile,
  sampleCsv,
  sampleDocx,
  sampleFile,
  sampleJpeg,
  samplePdf,
  samplePng,
  sampleXlsx,
} from '../fixtures/sample-files';
import { detectFormat, isText, zipEntryNames } from './detect-format';
import { FILE_FORMATS } from './file-format';

describe('detectFormat', () => {
  it.each(FILE_FORMATS.map((f) => [f]))('R-20 recognises a %s by its content', (format) => {
    expect(detectFormat(sampleFile(format).bytes)).toBe(format);
  });

  it('R-20 tells xlsx from docx by the ZIP entries', () => {
    expect(zipEntryNames(sampleXlsx())).toContain('xl/workbook.xml');
    expect(detectFormat(sampleXlsx())).toBe('xlsx');
    expect(detectFormat(sampleDocx())).toBe('docx');
  });

  it('R-20 falls back on local headers when the central directory is cut off', () => {
    const xlsx = sampleXlsx();
    const truncated = xlsx.subarray(0, xlsx.length - 30);
    expect(detectFormat(truncated)).toBe('xlsx');
  });

  it('R-20 refuses a plain ZIP, an ODS-like ZIP and an ambiguous one', () => {
    expect(detectFormat(storedZip([{ name: 'photos/a.txt', content: 'x' }]))).toBeUndefined();
    expect(detectFormat(storedZip([{ name: 'xl/workbook.xml', content: '<x/>' }]))).toBeUndefined();
    expect(
      detectFormat(
        storedZip([
          { name: '[Content_Types].xml', content: '<Types/>' },
          { name: 'xl/a.xml', content: '' },
          { name: 'word/b.xml', content: '' },
        ]),
      ),
    ).toBeUndefined();
  });

  it('R-20 counts an OLE2 file as xls only when it holds a workbook (a .doc is refused)', () => {
    expect(detectFormat(sampleCompoundFile('Workbook'))).toBe('xls');
    expect(detectFormat(sampleCompoundFile('Book'))).toBe('xls');
    expect(detectFormat(sampleCompoundFile('WordDocument'))).toBeUndefined();
  });

  it('R-20 distinguishes the image formats', () => {
    expect(detectFormat(samplePng())).toBe('png');
    expect(detectFormat(sampleJpeg())).toBe('jpg');
    expect(detectFormat(samplePdf())).toBe('pdf');
  });

  it('R-20 reads UTF-8 and Windows-1252 text as csv, but not binary data', () => {
    expect(detectFormat(sampleCsv('utf-8'))).toBe('csv');
    expect(detectFormat(sampleCsv('windows-1252'))).toBe('csv');
    expect(isText(new Uint8Array([0x61, 0x00, 0x62]))).toBe(false);
    expect(isText(new Uint8Array([0x61, 0x07]))).toBe(false);
    expect(isText(new Uint8Array([0x61, 0x81]))).toBe(false);
    expect(detectFormat(new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01]))).toBeUndefined(); // ELF
    expect(detectFormat(new Uint8Array([]))).toBeUndefined();
  });

  it('R-20 reads as csv UTF-8 text whose bytes Windows-1252 leaves undefined (Á is C3 81, Ý is C3 9D)', () => {
    const text = new TextEncoder().encode('nom;ville\nÁLVAREZ;Ýpres\n');
    expect(text).toContain(0x81);
    expect(isText(text)).toBe(true);
    expect(detectFormat(text)).toBe('csv');
  });

  it('works on a view into a larger buffer', () => {
    const pdf = samplePdf();
    const big = new Uint8Array(pdf.length + 10);
    big.set(pdf, 10);
    expect(detectFormat(big.subarray(10))).toBe('pdf');
  });
});
