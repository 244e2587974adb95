import * as fs from 'node:fs';
import * as path from 'node:path';
import type {
  ProjectedRow,
  RowProjectionDefinition,
  RowProjectionTable,
  RowTableNotBuiltError,
} from '@cartes-badges/eventsourcing';
import { rowTableOf } from '@cartes-badges/eventsourcing';
import { badInput, messageOf, notFound, storeUnavailable, usageError } from '../errors';
import { describeStore, parseStoreSpec } from '../store/store-spec';

/** A row projection's table, opened where `--into` says, with what closes it. */
export interface OpenedRowTable<Row extends ProjectedRow = ProjectedRow> {
  readonly table: RowProjectionTable<Row>;
  /** Where it is, for people (password masked). */
  readonly label: string;
  close(): Promise<void>;
}

/** Options of `openRowTable`. */
export interface OpenRowTableOptions {
  /** Only read a table already built (an export): nothing is created or written anywhere. */
  readonly readOnly?: boolean;
  /** The projection's module as the user named it, for the command a message suggests. */
  readonly module?: string;
}

/**
 * Opens the table of `definition` in `sqlite:<file>` or `postgres://…[?schema=]`, creating it;
 * read-only, a database where the projection never ran at this version is not found (exit 3)
 * and is left as it was.
 */
export async function openRowTable<Row extends ProjectedRow>(
  into: string,
  definition: RowProjectionDefinition<Row>,
  options: OpenRowTableOptions = {},
): Promise<OpenedRowTable<Row>> {
  const spec = parseStoreSpec(into);
  const label = describeStore(spec);
  // Every way opening a table fails, in the CLI's exit codes: a table never built at this
  // version (3), a definition the table refuses, such as columns changed without a new
  // version (5), a database out of reach (4). A raw error here would be reported as a bug (10).
  const failure = (error: unknown, unreachable: string): unknown => {
    const name = (error as Error).name;
    if (name === 'CliError') return error;
    if (name === 'RowTableNotBuiltError') {
      const builtVersion = (error as RowTableNotBuiltError).builtVersion;
      return notFound(
        `Pas de table ${rowTableOf(definition.name)} à la version ${definition.version} dans ${label} (${
          builtVersion === undefined
            ? "la projection n'y a jamais été lancée"
            : `elle y est à la version ${builtVersion}`
        }) : rien n'a été écrit ; lancez d'abord cartes-badges project ${options.module ?? '<module>'} --into ${into}`,
      );
    }
    if (name === 'RowProjectionError') return badInput(`${label} : ${messageOf(error)}`);
    return storeUnavailable(`${unreachable} : ${messageOf(error)}`);
  };
  if (spec.kind === 'sqlite') {
    const { openSqliteRowProjection } = await import('@cartes-badges/sqlite');
    const file = path.resolve(spec.path);
    // better-sqlite3 would say "unable to open database file".
    if (options.readOnly && !fs.existsSync(file))
      throw notFound(`Pas de base SQLite ${file} : rien n'a été écrit`);
    try {
      const table = openSqliteRowProjection(file, definition, { readOnly: options.readOnly });
      return { table, label, close: async () => table.close() };
    } catch (error) {
      throw failure(error, `Impossible d'ouvrir la base SQLite ${file}`);
    }
  }
  if (spec.kind === 'postgres') {
    const { openPostgresRowProjection } = await import('@cartes-badges/postgres');
    const table = await openPostgresRowProjection(spec.url, definition, {
      readOnly: options.readOnly,
      ...(spec.schema ? { schema: spec.schema } : {}),
    }).catch((error: unknown) => {
      throw failure(error, `PostgreSQL injoignable (${label}) — vérifiez que le serveur tourne et l'URL`);
    });
    return { table, label, close: () => table.close() };
  }
  throw usageError(`--into ${label} : attendu sqlite:<fichier> ou postgres://… (une table SQL)`);
}
