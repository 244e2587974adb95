import * as t from 'io-ts';

/** The file formats the portal accepts. */
export const FileFormat = t.keyof(
  { pdf: null, jpg: null, png: null, xls: null, xlsx: null, docx: null, csv: null },
  'FileFormat',
);
/** One accepted file format, named by its usual extension. */
export type FileFormat = t.TypeOf<typeof FileFormat>;

/** Every accepted format, in the portal's order ("pdf, jpg, png, xls, xlsx, docx, csv"). */
export const FILE_FORMATS: readonly FileFormat[] = ['pdf', 'jpg', 'png', 'xls', 'xlsx', 'docx', 'csv'];

/** The canonical media type stored for each format. */
export const MEDIA_TYPES: Readonly<Record<FileFormat, string>> = {
  pdf: 'application/pdf',
  jpg: 'image/jpeg',
  png: 'image/png',
  xls: 'application/vnd.ms-excel',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  csv: 'text/csv',
};

/** File name extensions (lower case, without the dot) and the format each one announces. */
export const EXTENSIONS: Readonly<Record<string, FileFormat>> = {
  pdf: 'pdf',
  jpg: 'jpg',
  jpeg: 'jpg',
  png: 'png',
  xls: 'xls',
  xlsx: 'xlsx',
  docx: 'docx',
  csv: 'csv',
};

/** The extension of a file name, lower-cased, without the dot; '' when there is none. */
export function extensionOf(fileName: string): string {
  const base = fileName.slice(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
  const dot = base.lastIndexOf('.');
  return dot <= 0 ? '' : base.slice(dot + 1).toLowerCase();
}
