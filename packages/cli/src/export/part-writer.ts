import * as fs from 'node:fs';
import { csvText } from './csv-text';
import { ndjsonText } from './ndjson-text';
import { openParquetWriter } from './parquet-writer';
import type { RenderChunk } from './text-file-writer';
import { openTextFileWriter } from './text-file-writer';
import type { TableColumn, TableRow } from './table-columns';
import { checkColumns } from './table-columns';

/** The file formats a table is exported to. */
export const EXPORT_FORMATS = ['ndjson', 'csv', 'parquet'] as const;
/** One of EXPORT_FORMATS. */
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Writes one file of rows; the file appears whole under its name on `close`, never half written. */
export interface PartWriter {
  write(rows: readonly TableRow[]): Promise<void>;
  /** Finishes the file and moves it to its name. */
  close(): Promise<void>;
  /** Drops what was written (after a failure). */
  abort(): Promise<void>;
}

/** What a format writes to a temporary file, before the part writer renames it. */
export interface FileWriter {
  write(rows: readonly TableRow[]): Promise<void>;
  finish(): Promise<void>;
  discard(): Promise<void>;
}

/** Options of `openPartWriter`. */
export interface PartWriterOptions {
  /** CSV only: the field separator (default ","). */
  readonly separator?: string;
}

/** NDJSON or CSV rows to standard output (for a pipe); nothing to rename. */
export function openStdoutWriter(
  format: ExportFormat,
  columns: readonly TableColumn[],
  options: PartWriterOptions = {},
): PartWriter {
  checkColumns(columns);
  if (format === 'parquet') throw new Error('Parquet needs a file (--out)');
  const render = renderOf(format, columns, options);
  let first = true;
  return {
    async write(rows) {
      const text = render(rows, first);
      if (text === '') return;
      first = false;
      process.stdout.write(text);
    },
    close: async () => undefined,
    abort: async () => undefined,
  };
}

const renderOf = (
  format: 'csv' | 'ndjson',
  columns: readonly TableColumn[],
  options: PartWriterOptions,
): RenderChunk =>
  format === 'csv'
    ? (rows, first) => csvText(columns, rows, options.separator ?? ',', first)
    : (rows) => ndjsonText(columns, rows);

/**
 * Opens a writer of `format` for `file`. The rows go to `<file>.partial` and are renamed to
 * `file` on close, so that a reader (or a rerun after a crash) never sees half a part.
 */
export async function openPartWriter(
  format: ExportFormat,
  file: string,
  columns: readonly TableColumn[],
  options: PartWriterOptions = {},
): Promise<PartWriter> {
  checkColumns(columns);
  const partial = `${file}.partial`;
  const writer: FileWriter =
    format === 'parquet'
      ? await openParquetWriter(partial, columns)
      : openTextFileWriter(partial, renderOf(format, columns, options));
  return {
    write: (rows) => writer.write(rows),
    async close() {
      await writer.finish();
      fs.renameSync(partial, file);
    },
    async abort() {
      try {
        await writer.discard();
      } finally {
        fs.rmSync(partial, { force: true });
      }
    },
  };
}
