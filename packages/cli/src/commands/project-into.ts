import type { RowProjectionDefinition } from '@cartes-badges/eventsourcing';
import {
  isRowProjection,
  rowProjectionRunnable,
  runProjectionOnce,
  startProjection,
} from '@cartes-badges/eventsourcing';
import { badInput, messageOf } from '../errors';
import { startProgress, throughputLine } from '../output/progress';
import { importProjectionModule } from '../projection/load-projection';
import { openRowTable } from '../projection/row-projection-target';
import type { GlobalOptions } from './context';
import { note, withStore } from './context';

/** What `project --into` needs. */
export interface ProjectIntoOptions {
  readonly into: string;
  readonly follow?: boolean;
}

const ROW_SHAPE =
  'attendu un module qui exporte (par défaut ou sous le nom « projection ») le résultat de defineRowProjection({ name, version, key, columns, handlers })';

/** Loads the module's row projection (defineRowProjection), or says what was expected. */
export async function loadRowProjection(file: string): Promise<RowProjectionDefinition> {
  const exported = await importProjectionModule(file);
  const candidate = exported.projection ?? exported.default;
  if (!isRowProjection(candidate))
    throw badInput(`${file} : --into demande une projection en lignes ; ${ROW_SHAPE}`);
  return candidate;
}

// Resolves on the first SIGINT or SIGTERM: --follow stops cleanly (the batch in hand committed).
const untilStopped = (): Promise<string> =>
  new Promise((resolve) => {
    const stop = (signal: string) => () => resolve(signal);
    process.once('SIGINT', stop('SIGINT'));
    process.once('SIGTERM', stop('SIGTERM'));
  });

/**
 * `project <module> --into sqlite:…|postgres://…`: runs an analyst's row projection into its
 * table (created on the first run), resuming from the checkpoint kept with the rows; a new
 * version rebuilds the table. With --follow it then keeps the table live until interrupted.
 */
export async function projectInto(
  file: string,
  options: ProjectIntoOptions,
  globals: GlobalOptions,
): Promise<void> {
  const definition = await loadRowProjection(file);
  const target = await openRowTable(options.into, definition);
  try {
    await withStore(globals, 'read', async (opened) => {
      const before = await target.table.readCheckpoint();
      const rebuild = before?.version !== definition.version;
      note(
        rebuild
          ? `Projection ${definition.name} v${definition.version} : ${before === undefined ? 'table créée' : `version ${before.version ?? '?'} → ${definition.version}, table reconstruite`} (${target.table.table} dans ${target.label})`
          : `Projection ${definition.name} v${definition.version} : reprise après la position ${before?.position ?? 0} (${target.table.table} dans ${target.label})`,
      );
      const progress = startProgress(
        rebuild ? `Reconstruction ${definition.name}` : `Projection ${definition.name}`,
        rebuild ? await opened.countEvents() : undefined,
        'événements',
      );
      const runnable = rowProjectionRunnable(definition, target.table);
      const startedAt = Date.now();
      try {
        const run = await runProjectionOnce(opened.store, runnable, {
          batchSize: 1000,
          onProgress: (p) => progress.update(p.eventsProcessed),
        });
        progress.stop();
        note(
          `Projection ${definition.name} : ${throughputLine(run.eventsProcessed, 'événements', startedAt)}`,
        );
        if (!options.follow) return;
        note('Suit les nouveaux événements (Ctrl-C pour arrêter)…');
        const live = startProjection(opened.store, runnable, {
          batchSize: 1000,
          onProgress: (p) => note(`+${p.eventsProcessed} événements, position ${p.position}`),
        });
        const stopped = await Promise.race([untilStopped(), live.done.then(() => 'done')]);
        await live.stop();
        await live.done;
        note(`Arrêt (${stopped}) à la position ${live.position() ?? 0}`);
      } catch (error) {
        if ((error as Error).name === 'RowProjectionError') throw badInput(messageOf(error));
        throw error;
      } finally {
        progress.stop();
      }
    });
  } finally {
    await target.close();
  }
}
