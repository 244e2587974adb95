import type { FileFormat } from './file-format';

const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP_LOCAL = [0x50, 0x4b, 0x03, 0x04];
const ZIP_CENTRAL = 0x02014b50;
const ZIP_END = 0x06054b50;

const startsWith = (bytes: Uint8Array, magic: readonly number[]): boolean =>
  bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);

/**
 * The format of a file from its content (magic bytes), or undefined when it is none of the
 * accepted ones. OLE2 counts as xls only with a `Workbook`/`Book` stream (not a .doc);
 * a ZIP counts as xlsx or docx by its `xl/` or `word/` entries; csv is text (see `isText`).
 */
export function detectFormat(bytes: Uint8Array): FileFormat | undefined {
  if (bytes.length === 0) return undefined;
  if (startsWith(bytes, PDF)) return 'pdf';
  if (startsWith(bytes, PNG)) return 'png';
  if (startsWith(bytes, JPEG)) return 'jpg';
  if (startsWith(bytes, OLE2)) return isExcelCompoundFile(bytes) ? 'xls' : undefined;
  if (startsWith(bytes, ZIP_LOCAL)) return officeZipFormat(zipEntryNames(bytes));
  return isText(bytes) ? 'csv' : undefined;
}

const asBuffer = (bytes: Uint8Array): Buffer => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/** Excel 97–2003 keeps its sheets in a stream named "Workbook" (or "Book" before Excel 97), in UTF-16LE. */
function isExcelCompoundFile(bytes: Uint8Array): boolean {
  const buffer = asBuffer(bytes);
  return (
    buffer.includes(Buffer.from('Workbook', 'utf16le')) || buffer.includes(Buffer.from('Book\0\0', 'utf16le'))
  );
}

function officeZipFormat(names: readonly string[]): FileFormat | undefined {
  if (!names.includes('[Content_Types].xml')) return undefined;
  const excel = names.some((n) => n.startsWith('xl/'));
  const word = names.some((n) => n.startsWith('word/'));
  if (excel === word) return undefined;
  return excel ? 'xlsx' : 'docx';
}

/**
 * Entry names of a ZIP archive: from the central directory when the end record is found,
 * otherwise by walking the local file headers (a truncated archive still shows its first entries).
 */
export function zipEntryNames(bytes: Uint8Array): string[] {
  const buffer = asBuffer(bytes);
  return centralDirectoryNames(buffer) ?? localHeaderNames(buffer);
}

function centralDirectoryNames(buffer: Buffer): string[] | undefined {
  // The end record is 22 bytes plus a comment of at most 65 535 bytes.
  const lowest = Math.max(0, buffer.length - 22 - 0xffff);
  for (let end = buffer.length - 22; end >= lowest; end--) {
    if (buffer.readUInt32LE(end) !== ZIP_END) continue;
    const count = buffer.readUInt16LE(end + 10);
    let offset = buffer.readUInt32LE(end + 16);
    const names: string[] = [];
    for (let i = 0; i < count; i++) {
      if (offset + 46 > buffer.length || buffer.readUInt32LE(offset) !== ZIP_CENTRAL) return undefined;
      const nameLength = buffer.readUInt16LE(offset + 28);
      const extraLength = buffer.readUInt16LE(offset + 30);
      const commentLength = buffer.readUInt16LE(offset + 32);
      names.push(buffer.toString('utf8', offset + 46, Math.min(buffer.length, offset + 46 + nameLength)));
      offset += 46 + nameLength + extraLength + commentLength;
    }
    return names;
  }
  return undefined;
}

function localHeaderNames(buffer: Buffer): string[] {
  const names: string[] = [];
  let offset = 0;
  while (offset + 30 <= buffer.length && buffer.readUInt32LE(offset) === 0x04034b50) {
    const flags = buffer.readUInt16LE(offset + 6);
    const compressedSize = buffer.readUInt32LE(offset + 18);
    const nameLength = buffer.readUInt16LE(offset + 26);
    const extraLength = buffer.readUInt16LE(offset + 28);
    names.push(buffer.toString('utf8', offset + 30, Math.min(buffer.length, offset + 30 + nameLength)));
    // With a data descriptor (flag bit 3) the size is only known after the data: stop there.
    if ((flags & 0x08) !== 0) break;
    offset += 30 + nameLength + extraLength + compressedSize;
  }
  return names;
}

/** Bytes 0x80–0x9F that Windows-1252 leaves undefined. */
const CP1252_UNDEFINED = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);

/**
 * True for text a spreadsheet exports as CSV: no NUL and no control character but tab, CR,
 * LF; valid UTF-8, or else Windows-1252 (French Excel still writes that by default).
 */
export function isText(bytes: Uint8Array): boolean {
  for (const b of bytes) {
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) return false;
    if (b === 0x7f) return false;
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return bytes.every((b) => !CP1252_UNDEFINED.has(b));
  }
}
