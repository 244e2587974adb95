import * as path from 'node:path';
import type { Command } from 'commander';
import { Argument, Option } from 'commander';
import type { EventFilter } from '@cartes-badges/eventsourcing';
import type { ListName } from '@cartes-badges/domain';
import { badInput, messageOf, usageError } from '../errors';
import { exportEvents } from '../export/export-events';
import { exportList } from '../export/export-list';
import { exportRows } from '../export/export-rows';
import { caughtUpList } from './lists';
import { openRowTable } from '../projection/row-projection-target';
import { loadRowProjection } from './project-into';
import type { ExportFormat } from '../export/part-writer';
import { EXPORT_FORMATS } from '../export/part-writer';
import { csvSeparator } from '../output/csv';
import { startProgress, throughputLine } from '../output/progress';
import type { GlobalOptions } from './context';
import { note, withStore } from './context';

interface ExportEventsOptions {
  readonly format?: ExportFormat;
  readonly out?: string;
  readonly type?: string;
  readonly streamPrefix?: string;
  readonly since?: string;
  readonly state?: string;
  readonly separator: string;
}

/** The format: --format, else the extension of --out, else NDJSON. */
function formatOf(options: ExportEventsOptions): ExportFormat {
  if (options.format !== undefined) return options.format;
  const ext = options.out === undefined ? '' : path.extname(options.out).slice(1).toLowerCase();
  return (EXPORT_FORMATS as readonly string[]).includes(ext) ? (ext as ExportFormat) : 'ndjson';
}

function filterOf(options: ExportEventsOptions): EventFilter {
  const types = options.type?.split(',').map((t) => t.trim());
  if (types?.some((t) => t === ''))
    throw usageError('--type : liste de types séparés par des virgules attendue');
  if (options.streamPrefix === '') throw usageError('--stream-prefix : préfixe non vide attendu');
  return {
    ...(options.streamPrefix !== undefined ? { streamPrefix: options.streamPrefix } : {}),
    ...(types !== undefined ? { eventTypes: types } : {}),
  };
}

function sinceOf(raw: string | undefined): bigint | undefined {
  if (raw === undefined) return undefined;
  if (!/^\d{1,19}$/.test(raw))
    throw usageError(`--since « ${raw} » : position globale attendue (entier positif)`);
  return BigInt(raw);
}

/** An output file that cannot be written is unusable input (exit 5); anything else as it is. */
function writeError(error: unknown, out: string | undefined): unknown {
  if (error instanceof Error && /EACCES|ENOENT|EISDIR|ENOTDIR|EROFS|ENOSPC/.test(error.message))
    return badInput(`Impossible d'écrire ${out ?? 'la sortie'} : ${messageOf(error)}`);
  return error;
}

/** `export events`: every event as one table (NDJSON, CSV or Parquet), incremental. */
export function registerExport(program: Command): void {
  const exportCommand = program
    .command('export')
    .description('Exporte les événements en table (NDJSON, CSV, Parquet) pour DuckDB, pandas, un tableur');
  exportCommand
    .command('events')
    .description(
      'Une ligne par événement, une colonne par métadonnée (flux, version, position, type, dates, acteur, SIREN, SIRET, commande, hash), les données en JSON',
    )
    .addOption(new Option('--format <format>', 'format du fichier').choices(EXPORT_FORMATS))
    .option(
      '--out <chemin>',
      'fichier, ou dossier (existant ou finissant par /) : chaque exécution y écrit une nouvelle partie avec les seuls événements ajoutés depuis la précédente ; sans --out : sortie standard',
    )
    .option('--type <types>', "types d'événements, séparés par des virgules")
    .option('--stream-prefix <préfixe>', 'flux dont le nom commence ainsi (ex. dossier-)')
    .option('--since <position>', 'seulement les événements après cette position globale')
    .option(
      '--state <fichier>',
      "fichier d'état : reprend après la position du dernier export, puis la met à jour",
    )
    .option('--separator <caractère>', 'séparateur CSV (« ; » pour Excel en français)', ',')
    .addHelpText(
      'after',
      `
Exemples :
  cartes-badges export events --format parquet --out exports/events/     # relancé : une nouvelle partie
  cartes-badges export events --type Transmitted --out transmis.csv
  cartes-badges export events --since 1000 | duckdb -c "SELECT type, count(*) FROM read_json('/dev/stdin') GROUP BY 1"`,
    )
    .action(async (options: ExportEventsOptions, command: Command) => {
      const globals = command.optsWithGlobals<GlobalOptions & ExportEventsOptions>();
      const format = formatOf(options);
      if (format === 'parquet' && options.out === undefined)
        throw usageError('--format parquet : indiquez un fichier ou un dossier avec --out');
      csvSeparator(options.separator);
      const filter = filterOf(options);
      const since = sinceOf(options.since);
      const result = await withStore(globals, 'read', async (opened) => {
        const progress = startProgress('Export des événements', await opened.countEvents(), 'événements');
        const startedAt = Date.now();
        try {
          const done = await exportEvents(opened.store, {
            format,
            out: options.out,
            filter,
            since,
            stateFile: options.state,
            separator: options.separator,
            onProgress: (n) => progress.update(n),
          });
          return { ...done, startedAt };
        } catch (error) {
          throw writeError(error, options.out);
        } finally {
          progress.stop();
        }
      });
      const line = throughputLine(result.events, 'événements', result.startedAt);
      if (result.file !== undefined) note(`${line} écrits dans ${result.file}`);
      else if (result.events === 0 && options.out !== undefined)
        note('Aucun nouvel événement : aucune partie écrite');
      else note(line);
      if (result.position !== undefined) note(`Dernière position exportée : ${result.position}`);
    });
  exportCommand
    .command('lists')
    .description(
      "Une liste du portail (brouillons ou dossiers) en Parquet, NDJSON ou CSV : toutes ses lignes (sans restriction d'utilisateur), colonnes typées, par numéro",
    )
    .addArgument(new Argument('<liste>', 'la liste').choices(['brouillons', 'dossiers']))
    .addOption(new Option('--format <format>', 'format du fichier').choices(EXPORT_FORMATS))
    .option('--out <fichier>', 'fichier à écrire ; sans --out : sortie standard (NDJSON ou CSV)')
    .option('--separator <caractère>', 'séparateur CSV', ',')
    .addHelpText(
      'after',
      `
Exemples :
  cartes-badges export lists dossiers --format parquet --out dossiers.parquet
  cartes-badges export lists brouillons --format csv --separator ';' --out brouillons.csv`,
    )
    .action(async (list: ListName, options: ExportEventsOptions, command: Command) => {
      const globals = command.optsWithGlobals<GlobalOptions & ExportEventsOptions>();
      const format = formatOf(options);
      if (format === 'parquet' && options.out === undefined)
        throw usageError('--format parquet : indiquez un fichier avec --out');
      // Before the store is opened or a file is created.
      csvSeparator(options.separator);
      const count = await withStore(globals, 'read-models', async (opened) =>
        exportList(await caughtUpList(opened, list), {
          format,
          out: options.out,
          separator: options.separator,
        }).catch((error: unknown) => {
          throw writeError(error, options.out);
        }),
      );
      note(`${count} lignes de la liste ${list}${options.out ? ` écrites dans ${options.out}` : ''}`);
    });
  exportCommand
    .command('rows')
    .description(
      "La table d'une projection en lignes (project <module> --into …) en Parquet, NDJSON ou CSV : la clé puis ses colonnes typées",
    )
    .argument('<module>', 'le module de la projection (defineRowProjection)')
    .requiredOption('--from <base>', 'où est sa table : sqlite:<fichier> ou postgres://…')
    .addOption(new Option('--format <format>', 'format du fichier').choices(EXPORT_FORMATS))
    .option('--out <fichier>', 'fichier à écrire ; sans --out : sortie standard (NDJSON ou CSV)')
    .option('--separator <caractère>', 'séparateur CSV', ',')
    .action(async (file: string, options: ExportEventsOptions & { from: string }) => {
      const format = formatOf(options);
      if (format === 'parquet' && options.out === undefined)
        throw usageError('--format parquet : indiquez un fichier avec --out');
      // Before the store is opened or a file is created.
      csvSeparator(options.separator);
      const definition = await loadRowProjection(file);
      const target = await openRowTable(options.from, definition, { readOnly: true, module: file });
      try {
        const count = await exportRows(target.table, definition, {
          format,
          out: options.out,
          separator: options.separator,
        }).catch((error: unknown) => {
          throw writeError(error, options.out);
        });
        note(`${count} lignes de ${target.table.table}${options.out ? ` écrites dans ${options.out}` : ''}`);
      } finally {
        await target.close();
      }
    });
}
