import * as path from 'node:path';
import type { ProjectedRow, RowProjectionDefinition, RowProjectionTable } from '@cartes-badges/eventsourcing';
import { messageOf, storeUnavailable, usageError } from '../errors';
import { describeStore, parseStoreSpec } from '../store/store-spec';

/** A row projection's table, opened where `--into` says, with what closes it. */
export interface OpenedRowTable<Row extends ProjectedRow = ProjectedRow> {
  readonly table: RowProjectionTable<Row>;
  /** Where it is, for people (password masked). */
  readonly label: string;
  close(): Promise<void>;
}

/** Opens (creating) the table of `definition` in `sqlite:<file>` or `postgres://…[?schema=]`. */
export async function openRowTable<Row extends ProjectedRow>(
  into: string,
  definition: RowProjectionDefinition<Row>,
): Promise<OpenedRowTable<Row>> {
  const spec = parseStoreSpec(into);
  const label = describeStore(spec);
  if (spec.kind === 'sqlite') {
    const { openSqliteRowProjection } = await import('@cartes-badges/sqlite');
    const file = path.resolve(spec.path);
    try {
      const table = openSqliteRowProjection(file, definition);
      return { table, label, close: async () => table.close() };
    } catch (error) {
      if ((error as Error).name === 'RowProjectionError') throw error;
      throw storeUnavailable(`Impossible d'ouvrir la base SQLite ${file} : ${messageOf(error)}`);
    }
  }
  if (spec.kind === 'postgres') {
    const { openPostgresRowProjection } = await import('@cartes-badges/postgres');
    const table = await openPostgresRowProjection(
      spec.url,
      definition,
      spec.schema ? { schema: spec.schema } : {},
    );
    return { table, label, close: () => table.close() };
  }
  throw usageError(`--into ${label} : attendu sqlite:<fichier> ou postgres://… (une table SQL)`);
}
