import type { Command } from 'commander';
import { runProjectionOnce } from '@cartes-badges/eventsourcing';
import type { InMemoryListReadModel, ListName } from '@cartes-badges/domain';
import { createInMemoryListReadModel, LIST_PROJECTIONS, listRunnable } from '@cartes-badges/domain';
import { usageError } from '../errors';
import { toJson } from '../output/json';
import { startProgress, throughputLine } from '../output/progress';
import type { GlobalOptions } from './context';
import { note, print, withStore } from './context';

/** What one list's rebuild did. */
export interface RebuildReport {
  readonly list: ListName;
  readonly version: number;
  readonly eventsProcessed: number;
  readonly rows: number;
  readonly listedRows: number;
  readonly milliseconds: number;
}

/** Rebuilds one list from the whole history into `readModel` (reset first). */
export async function rebuildList(
  store: Parameters<typeof runProjectionOnce>[0],
  name: ListName,
  readModel: InMemoryListReadModel,
  total: number | undefined,
): Promise<RebuildReport> {
  const projection = LIST_PROJECTIONS[name];
  const started = Date.now();
  await readModel.reset(projection.version);
  const progress = startProgress(`Reconstruction ${name}`, total, 'événements');
  try {
    const run = await runProjectionOnce(store, listRunnable(projection, readModel), {
      batchSize: 1000,
      onProgress: (p) => progress.update(Number(p.position ?? 0n)),
    });
    const rows = [...readModel.rows().values()];
    return {
      list: name,
      version: projection.version,
      eventsProcessed: run.eventsProcessed,
      rows: rows.length,
      listedRows: rows.filter((r) => r.listed).length,
      milliseconds: Date.now() - started,
    };
  } finally {
    progress.stop();
  }
}

/** `rebuild <brouillons|dossiers|all>`: folds the list projections again from the first event. */
export function registerRebuild(program: Command): void {
  program
    .command('rebuild')
    .description(
      'Reconstruit les listes (read models) depuis le premier événement, avec progression et débit',
    )
    .argument('<liste>', 'brouillons, dossiers ou all')
    .option('--json', 'compte rendu JSON pour un programme')
    .addHelpText(
      'after',
      `
Les listes de la CLI sont tenues en mémoire et repliées à chaque commande : « rebuild » refait ce
repli de bout en bout depuis le store et en mesure le débit. Avec un read model durable, il
remplace ses lignes et son checkpoint.
Exemples :
  cartes-badges rebuild all
  cartes-badges rebuild dossiers --json`,
    )
    .action(async (which: string, _options: unknown, command: Command) => {
      const globals = command.optsWithGlobals<GlobalOptions>();
      if (!['brouillons', 'dossiers', 'all'].includes(which)) {
        throw usageError(`rebuild « ${which} » : attendu brouillons, dossiers ou all`);
      }
      const names: ListName[] = which === 'all' ? ['brouillons', 'dossiers'] : [which as ListName];
      const reports = await withStore(globals, 'read', async (opened) => {
        const total = await opened.countEvents();
        const done: RebuildReport[] = [];
        for (const name of names) {
          const started = Date.now();
          const report = await rebuildList(opened.store, name, createInMemoryListReadModel(), total);
          note(
            `Liste ${name} reconstruite : ${throughputLine(report.eventsProcessed, 'événements', started)}`,
          );
          done.push(report);
        }
        return done;
      });
      if (globals.json) return print(toJson(reports));
      for (const r of reports) {
        print(
          `${r.list} (version ${r.version}) : ${r.listedRows} ligne(s) affichée(s), ${r.rows} gardée(s), ${r.eventsProcessed} événements en ${r.milliseconds} ms`,
        );
      }
    });
}
