import type { TargetStore } from '../targets/target';
import { COMMANDS_PER_DOSSIER, dossierCommand, dossierStreamId } from './commands';

/**
 * W1: N dossiers × 10 commands, each through the library's command handler. Round by round
 * (every dossier's create, then every dossier's first update, ...), so that the store holds
 * all N streams for most of the run, as a live store would.
 */
export async function runCommandHandling(store: TargetStore, dossiers: number): Promise<number> {
  for (let step = 0; step < COMMANDS_PER_DOSSIER; step++) {
    for (let index = 0; index < dossiers; index++) {
      await store.handle(dossierStreamId(index), dossierCommand(index, step));
    }
  }
  return dossiers * COMMANDS_PER_DOSSIER;
}

/** Checks (untimed) that every command was applied: a benchmark that silently did nothing is worse than none. */
export async function checkCommandHandling(store: TargetStore, dossiers: number): Promise<void> {
  for (const index of [0, dossiers - 1]) {
    const { state, events } = await store.foldStream(dossierStreamId(index));
    if (state.status !== 'transmitted' || state.documents !== 4 || events !== COMMANDS_PER_DOSSIER) {
      throw new Error(`W1: dossier ${index} ended as ${JSON.stringify(state)} after ${events} events`);
    }
  }
}
