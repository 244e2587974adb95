import type { TargetStore } from '../targets/target';
import { COMMANDS_PER_DOSSIER, dossierCommand, dossierStreamId } from './commands';
import { decideDossier, evolveDossier, initialDossierState, type DossierEvent } from './dossier';
import { applyToSummaries, type DossierSummary } from './summary';

/** Events of one complete dossier, as W1 would have produced them (computed with the shared decider). */
export function dossierHistory(index: number): DossierEvent[] {
  const events: DossierEvent[] = [];
  let state = initialDossierState();
  for (let step = 0; step < COMMANDS_PER_DOSSIER; step++) {
    const decision = decideDossier(dossierCommand(index, step), state);
    if (!decision.ok) throw new Error(`dossier ${index}, step ${step}: ${decision.refusal.code}`);
    for (const event of decision.events) {
      state = evolveDossier(state, event);
      events.push(event);
    }
  }
  return events;
}

/** Fills a store with `dossiers` complete dossiers (one append each; untimed). */
export async function fillStore(store: TargetStore, dossiers: number): Promise<string[]> {
  const streamIds: string[] = [];
  for (let index = 0; index < dossiers; index++) {
    const streamId = dossierStreamId(index);
    await store.append(streamId, dossierHistory(index), 0);
    streamIds.push(streamId);
  }
  return streamIds;
}

/** W2: reads every event back and folds it into one summary row per dossier. Returns the events read. */
export async function runRebuild(store: TargetStore, streamIds: readonly string[]): Promise<number> {
  const rows = new Map<string, DossierSummary>();
  let events = 0;
  await store.readEverything(streamIds, (streamId, event) => {
    applyToSummaries(rows, streamId, event);
    events++;
  });
  if (rows.size !== streamIds.length)
    throw new Error(`W2: ${rows.size} rows for ${streamIds.length} dossiers`);
  return events;
}
