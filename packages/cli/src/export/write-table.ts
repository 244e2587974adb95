import type { ExportFormat, PartWriter } from './part-writer';
import { openPartWriter, openStdoutWriter } from './part-writer';
import type { TableColumn, TableRow } from './table-columns';

/** Options of a table written whole to one file or to standard output. */
export interface WriteTableOptions {
  readonly format: ExportFormat;
  /** The file to write; undefined: standard output (NDJSON or CSV). */
  readonly out?: string;
  readonly separator?: string;
}

/**
 * Writes chunks of rows as one table (Parquet, NDJSON or CSV), the file appearing whole under
 * its name at the end or not at all; gives the number of rows written.
 */
export async function writeTable(
  columns: readonly TableColumn[],
  chunks: AsyncIterable<readonly TableRow[]> | Iterable<readonly TableRow[]>,
  options: WriteTableOptions,
): Promise<number> {
  const writer: PartWriter =
    options.out === undefined
      ? openStdoutWriter(options.format, columns, options)
      : await openPartWriter(options.format, options.out, columns, options);
  let count = 0;
  try {
    for await (const chunk of chunks) {
      await writer.write(chunk);
      count += chunk.length;
    }
    await writer.close();
  } catch (error) {
    await writer.abort();
    throw error;
  }
  return count;
}
