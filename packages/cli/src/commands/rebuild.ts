import type { Command } from 'commander';
import { runProjectionOnce } from '@cartes-badges/eventsourcing';
import type { ListName } from '@cartes-badges/domain';
import { createListQueries, LIST_PROJECTIONS, whileRebuilding } from '@cartes-badges/domain';
import { listsRunnable } from '@cartes-badges/lists';
import * as E from 'fp-ts/Either';
import { CLI_LIST_IDENTITY, demoAttachments } from '../demo/world';
import { usageError } from '../errors';
import { toJson } from '../output/json';
import { startProgress, throughputLine } from '../output/progress';
import type { OpenedStore } from '../store/open-store';
import type { GlobalOptions } from './context';
import { note, print, withStore } from './context';
import { listReadModelFor } from './list-models';

/** What one list's rebuild did. */
export interface RebuildReport {
  readonly list: ListName;
  readonly version: number;
  /** True when the rows are kept in tables of the store (SQLite), false for a list in memory. */
  readonly durable: boolean;
  /** Events folded (one pass for every list rebuilt together). */
  readonly eventsProcessed: number;
  readonly listedRows: number;
  /** Time of the whole rebuild (the lists rebuilt together share it). */
  readonly milliseconds: number;
}

/**
 * Wipes the lists' read models and folds them again from the first event, all of them in one
 * pass over the history (each batch folded once for every list).
 */
export async function rebuildLists(
  opened: OpenedStore,
  names: readonly ListName[],
  total: number | undefined,
): Promise<RebuildReport[]> {
  const lists = names.map((name) => ({
    name,
    projection: LIST_PROJECTIONS[name],
    ...listReadModelFor(opened, name),
  }));
  const started = Date.now();
  for (const { projection, model } of lists) await model.reset(projection.version);
  const progress = startProgress(`Reconstruction ${names.join(' + ')}`, total, 'événements');
  let eventsProcessed = 0;
  try {
    const run = await whileRebuilding(
      lists.map(({ model }) => model),
      () =>
        runProjectionOnce(
          opened.store,
          listsRunnable(lists.map(({ projection, model }) => ({ projection, readModel: model }))),
          { batchSize: 1000, onProgress: (p) => progress.update(Number(p.position ?? 0n)) },
        ),
    );
    eventsProcessed = run.eventsProcessed;
  } finally {
    progress.stop();
  }
  const milliseconds = Date.now() - started;
  const reports: RebuildReport[] = [];
  for (const { name, projection, model, durable } of lists) {
    const page = await createListQueries(name, model, demoAttachments(), CLI_LIST_IDENTITY).list({
      actor: { role: 'system', userId: 'cli' },
    });
    reports.push({
      list: name,
      version: projection.version,
      durable,
      eventsProcessed,
      listedRows: E.isRight(page) ? page.right.total : 0,
      milliseconds,
    });
  }
  return reports;
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
Sur SQLite, les listes sont des tables à côté des événements (list_rows_brouillons,
list_rows_dossiers, list_checkpoints) : « rebuild » les vide et les reconstruit. Ailleurs, les
listes sont tenues en mémoire à chaque commande : « rebuild » refait ce repli et en mesure le débit.
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
      // An existing store only; rebuild writes the lists' tables, never the events.
      const reports = await withStore(globals, 'read-models', async (opened) => {
        const total = await opened.countEvents();
        const started = Date.now();
        const done = await rebuildLists(opened, names, total);
        note(
          `${names.length > 1 ? 'Listes' : 'Liste'} ${names.join(' + ')} reconstruite${names.length > 1 ? 's' : ''} : ${throughputLine(done[0].eventsProcessed, 'événements', started)}`,
        );
        return done;
      });
      if (globals.json) return print(toJson(reports));
      for (const r of reports) {
        print(
          `${r.list} (version ${r.version}${r.durable ? ', tables SQLite' : ', en mémoire'}) : ${r.listedRows} ligne(s) affichée(s), ${r.eventsProcessed} événements en ${r.milliseconds} ms`,
        );
      }
    });
}
