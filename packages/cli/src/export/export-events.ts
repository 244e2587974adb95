import * as fs from 'node:fs';
import * as path from 'node:path';
import type { EventFilter, EventStore, GlobalPosition } from '@cartes-badges/eventsourcing';
import { readAllInPages } from '@cartes-badges/eventsourcing';
import { csvSeparator } from '../output/csv';
import { EVENT_COLUMNS, eventRow } from './event-table';
import { readExportState, writeExportState } from './export-state';
import type { ExportFormat, PartWriter } from './part-writer';
import { openPartWriter, openStdoutWriter } from './part-writer';

/** Options of `exportEvents`. */
export interface ExportEventsOptions {
  readonly format: ExportFormat;
  /**
   * A folder (existing, or ending with "/"): each run writes a new part in it, named for the
   * position it starts after, and keeps its state in `export-state.json` there. Otherwise a file;
   * undefined: standard output (NDJSON or CSV).
   */
  readonly out?: string;
  readonly filter?: EventFilter;
  /** Export only events after this global position (overrides the state file's). */
  readonly since?: GlobalPosition;
  /** Where the position reached is kept between runs (default: in the folder, if `out` is one). */
  readonly stateFile?: string;
  /** CSV field separator. */
  readonly separator?: string;
  /** Events read and written at a time (default 2,000). */
  readonly batchSize?: number;
  /** Called after each batch written, with the count so far. */
  readonly onProgress?: (eventsWritten: number) => void;
}

/** What an export wrote. */
export interface ExportEventsResult {
  /** The part written; undefined when there was no new event (nothing is written then). */
  readonly file?: string;
  readonly events: number;
  /** Exclusive lower bound the export started after (undefined: from the first event). */
  readonly after?: GlobalPosition;
  /** Global position of the last event written (the next run starts after it). */
  readonly position?: GlobalPosition;
}

/** The name of the state file kept in an export folder. */
export const EXPORT_STATE_FILE = 'export-state.json';

const isFolder = (out: string): boolean =>
  out.endsWith('/') || out.endsWith(path.sep) || (fs.existsSync(out) && fs.statSync(out).isDirectory());

/** A part's name sorts by position: events-from-start, then events-after-000000001000, ... */
export const partName = (after: GlobalPosition | undefined, format: ExportFormat): string =>
  `events-${after === undefined ? 'from-start' : `after-${after.toString().padStart(12, '0')}`}.${format}`;

/**
 * Exports every event (or those matching `filter`) after the last run's position as one part:
 * one row per event, one column per metadata field, the data as JSON. The part is renamed into
 * place before the state moves on, and is named for where it starts: a run killed between the
 * two writes the same part again, whole, and no event lands in two parts.
 */
export async function exportEvents(
  store: EventStore,
  options: ExportEventsOptions,
): Promise<ExportEventsResult> {
  // Refused before a folder, a part or the state is written (the writer would refuse it later).
  if (options.format === 'csv' && options.separator !== undefined) csvSeparator(options.separator);
  const filter: EventFilter = options.filter ?? {};
  const { out } = options;
  const folder = out !== undefined && isFolder(out);
  if (folder) fs.mkdirSync(out, { recursive: true });
  const stateFile = options.stateFile ?? (folder ? path.join(out, EXPORT_STATE_FILE) : undefined);
  const state = stateFile === undefined ? undefined : readExportState(stateFile, options.format, filter);
  const after = options.since ?? state?.position;
  const file = folder ? path.join(out, partName(after, options.format)) : out;
  const open = (): Promise<PartWriter> | PartWriter =>
    file === undefined
      ? openStdoutWriter(options.format, EVENT_COLUMNS, options)
      : openPartWriter(options.format, file, EVENT_COLUMNS, options);

  let writer: PartWriter | undefined;
  let events = 0;
  let position: GlobalPosition | undefined;
  try {
    for await (const page of readAllInPages(store, { after, filter, batchSize: options.batchSize ?? 2000 })) {
      if (page.length === 0) continue;
      writer ??= await open();
      await writer.write(page.map(eventRow));
      events += page.length;
      position = page[page.length - 1].globalPosition;
      options.onProgress?.(events);
    }
    await writer?.close();
  } catch (error) {
    await writer?.abort();
    throw error;
  }
  if (stateFile !== undefined && position !== undefined)
    writeExportState(stateFile, { format: options.format, filter, position });
  return { ...(writer && file !== undefined ? { file } : {}), events, after, position };
}
