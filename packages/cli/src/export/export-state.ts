import * as fs from 'node:fs';
import type { EventFilter } from '@cartes-badges/eventsourcing';
import { badInput, messageOf } from '../errors';

/** What an incremental export remembers between runs: where it stopped, and with what filter. */
export interface ExportState {
  readonly format: string;
  readonly filter: EventFilter;
  /** Global position of the last event exported. */
  readonly position: bigint;
}

const sameFilter = (a: EventFilter, b: EventFilter): boolean =>
  JSON.stringify([a.streamPrefix ?? null, a.eventTypes ?? null]) ===
  JSON.stringify([b.streamPrefix ?? null, b.eventTypes ?? null]);

/**
 * Reads the state file, or undefined when there is none yet. A state written for another format
 * or filter is refused: its position says nothing of the events this run would select.
 */
export function readExportState(file: string, format: string, filter: EventFilter): ExportState | undefined {
  if (!fs.existsSync(file)) return undefined;
  let parsed: { format?: unknown; filter?: unknown; position?: unknown };
  try {
    parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as typeof parsed;
  } catch (error) {
    throw badInput(`Fichier d'état ${file} illisible : ${messageOf(error)}`);
  }
  if (typeof parsed?.position !== 'string' || !/^\d{1,20}$/.test(parsed.position))
    throw badInput(
      `Fichier d'état ${file} : position attendue (entier en texte), trouvé ${JSON.stringify(parsed?.position)}`,
    );
  const stored: ExportState = {
    format: String(parsed.format),
    filter: (parsed.filter ?? {}) as EventFilter,
    position: BigInt(parsed.position),
  };
  if (stored.format !== format || !sameFilter(stored.filter, filter))
    throw badInput(
      `Fichier d'état ${file} : écrit pour le format ${stored.format} et le filtre ${JSON.stringify(stored.filter)} ; cet export demande ${format} et ${JSON.stringify(filter)} (changez de dossier ou de fichier d'état)`,
    );
  return stored;
}

/** Writes the state file whole (temporary file, then rename): a crash leaves the old or the new one. */
export function writeExportState(file: string, state: ExportState): void {
  const partial = `${file}.partial`;
  fs.writeFileSync(
    partial,
    `${JSON.stringify({ format: state.format, filter: state.filter, position: state.position.toString() }, null, 2)}\n`,
  );
  fs.renameSync(partial, file);
}
