import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Command } from 'commander';
import { createInMemoryProjectionTarget, runProjectionOnce } from '@cartes-badges/eventsourcing';
import { badInput, messageOf, usageError } from '../errors';
import { csvSeparator } from '../output/csv';
import { toJson } from '../output/json';
import { startProgress, throughputLine } from '../output/progress';
import { renderTable } from '../output/table';
import { guarded, loadProjection, ProjectionFailure } from '../projection/load-projection';
import { columnsOf, tabulate, toCsv } from '../projection/to-csv';
import type { GlobalOptions } from './context';
import { note, print, withStore } from './context';
import { projectInto } from './project-into';

interface ProjectOptions {
  readonly out?: string;
  readonly separator: string;
  readonly into?: string;
  readonly follow?: boolean;
}

function formatOf(out: string): 'csv' | 'json' {
  const ext = path.extname(out).toLowerCase();
  if (ext === '.csv') return 'csv';
  if (ext === '.json') return 'json';
  throw usageError(`--out ${out} : extension .csv ou .json attendue`);
}

/** `project <module>`: runs an analyst's projection over every event. */
export function registerProject(program: Command): void {
  program
    .command('project')
    .description(
      "Exécute la projection d'un analyste (module JS ou TS exportant defineProjection(...)) sur tous les événements",
    )
    .argument(
      '<module>',
      'fichier .ts, .js, .mjs ou .cjs ; export par défaut ou « projection », et « toRows(state) » en option',
    )
    .option('--out <fichier>', 'écrit le résultat en CSV (.csv) ou en JSON (.json)')
    .option('--separator <caractère>', 'séparateur CSV (« ; » pour Excel en français)', ',')
    .option('--json', 'résultat en JSON sur la sortie standard')
    .option(
      '--into <base>',
      'projection en lignes (defineRowProjection) : sa table dans sqlite:<fichier> ou postgres://…, reprise au dernier point de contrôle',
    )
    .option('--follow', 'avec --into : continue avec les nouveaux événements (Ctrl-C pour arrêter)')
    .addHelpText(
      'after',
      `
Exemples :
  cartes-badges project examples/analyst/src/projections/amounts-by-card-type-and-month.ts
  cartes-badges project ./refus.js --out refus.csv --separator ';'
  cartes-badges project examples/analyst/src/projections/dossier-rows.ts --into sqlite:analyses.db --follow`,
    )
    .action(async (file: string, options: ProjectOptions, command: Command) => {
      const globals = command.optsWithGlobals<GlobalOptions & ProjectOptions>();
      if (options.into !== undefined) {
        if (options.out !== undefined) throw usageError('--into et --out : choisissez l’un des deux');
        return projectInto(file, { into: options.into, follow: options.follow }, globals);
      }
      if (options.follow) throw usageError('--follow va avec --into');
      const format = options.out !== undefined ? formatOf(options.out) : undefined;
      csvSeparator(options.separator);
      const loaded = await loadProjection(file);
      const definition = guarded(loaded.definition);
      const { state, events, startedAt } = await withStore(globals, 'read', async (opened) => {
        const target = createInMemoryProjectionTarget(definition);
        const progress = startProgress(
          `Projection ${definition.name}`,
          await opened.countEvents(),
          'événements',
        );
        const started = Date.now();
        try {
          const run = await runProjectionOnce(
            opened.store,
            { name: definition.name, version: definition.version, filter: definition.filter, target },
            { batchSize: 500, onProgress: (p) => progress.update(Number(p.position ?? 0n)) },
          );
          return { state: target.state(), events: run.eventsProcessed, startedAt: started };
        } catch (error) {
          if (error instanceof ProjectionFailure) throw badInput(error.message);
          throw error;
        } finally {
          progress.stop();
        }
      });
      let result: unknown = state;
      if (loaded.toRows) {
        try {
          result = loaded.toRows(state);
        } catch (error) {
          throw badInput(`toRows de ${file} a échoué : ${messageOf(error)}`);
        }
      }
      note(`Projection ${definition.name} : ${throughputLine(events, 'événements', startedAt)}`);
      if (options.out !== undefined) {
        const text = format === 'csv' ? toCsv(result, options.separator) : `${toJson(result)}\n`;
        try {
          fs.writeFileSync(options.out, text);
        } catch (error) {
          throw badInput(`Impossible d'écrire ${options.out} : ${messageOf(error)}`);
        }
        note(`Résultat écrit dans ${options.out}`);
        return;
      }
      const rows = globals.json ? undefined : tabulate(result);
      if (rows === undefined || rows.length === 0) return print(toJson(result));
      print(
        renderTable(
          columnsOf(rows).map((c) => ({
            heading: c,
            cell: (row: Record<string, unknown>) => {
              const v = row[c];
              return v === null || v === undefined
                ? ''
                : typeof v === 'object'
                  ? JSON.stringify(v)
                  : String(v);
            },
            right: rows.every((r) => typeof r[c] === 'number' || r[c] === undefined),
          })),
          rows,
        ),
      );
    });
}
