import * as fs from 'node:fs';
import type { FileWriter } from './part-writer';
import type { TableRow } from './table-columns';

/** How a text format renders a chunk of rows (`first` for the file's first chunk). */
export type RenderChunk = (rows: readonly TableRow[], first: boolean) => string;

/** A text file (NDJSON, CSV) written chunk by chunk, synced to disk before it is renamed. */
export function openTextFileWriter(file: string, render: RenderChunk): FileWriter {
  const fd = fs.openSync(file, 'w');
  let first = true;
  let open = true;
  const closeOnce = (): void => {
    if (open) fs.closeSync(fd);
    open = false;
  };
  return {
    async write(rows) {
      const text = render(rows, first);
      if (text === '') return;
      first = false;
      fs.writeSync(fd, text);
    },
    async finish() {
      fs.fsyncSync(fd);
      closeOnce();
    },
    async discard() {
      closeOnce();
    },
  };
}
