import type { BlobStore, EventStore } from '@cartes-badges/eventsourcing';
import * as E from 'fp-ts/Either';
import { startProgress } from '../output/progress';
import { guideScenarios } from './guide-scenarios';
import { interleave } from './plan';
import { randomDossiers } from './random-dossiers';
import { demoService } from './world';

/** What the demo did. */
export interface DemoReport {
  readonly dossiers: number;
  readonly commands: number;
  /** Commands that wrote events now. */
  readonly applied: number;
  /** Commands found already handled (a second run of the demo on the same store). */
  readonly alreadyHandled: number;
}

/**
 * Seeds the guide's scenarios and `count` random dossiers through the real dossier service,
 * each command at its own instant (a clock the demo moves), all dossiers interleaved in time.
 */
export async function runDemo(
  store: EventStore,
  options: {
    readonly count: number;
    readonly seed: number;
    readonly now?: Date;
    /** Where attached files go (default: in memory, lost at exit). */
    readonly blobs?: BlobStore;
  },
): Promise<DemoReport> {
  const now = options.now ?? new Date();
  const plans = [...guideScenarios(now), ...randomDossiers(options.count, options.seed, now)];
  const commands = interleave(plans);
  let at = now;
  const service = demoService(store, { now: () => new Date(at.getTime()) }, options.blobs);
  const progress = startProgress('Démo', commands.length, 'commandes');
  let applied = 0;
  let alreadyHandled = 0;
  try {
    for (const [index, planned] of commands.entries()) {
      at = planned.at;
      const result = await service.execute(planned.command);
      if (E.isLeft(result)) {
        throw new Error(
          `demo: the command ${planned.command.type} (${planned.command.commandId}) was refused: ${result.left.message}`,
        );
      }
      if (result.right.alreadyHandled) alreadyHandled++;
      else applied++;
      progress.update(index + 1);
    }
  } finally {
    progress.stop();
  }
  return { dossiers: plans.length, commands: commands.length, applied, alreadyHandled };
}
