import type {
  GlobalPosition,
  ProjectionTarget,
  RecordedEvent,
  Runnable,
  StoredCheckpoint,
} from '@cartes-badges/eventsourcing';
import type { ListBinding } from './fold-and-commit';
import { applyFromCheckpoint, checkSharedFold, foldAndCommit } from './fold-and-commit';

export type { ListBinding } from './fold-and-commit';

// Both lists on one runner: each batch folded once for all of them (fold-and-commit.ts), then
// committed to each list with its own checkpoint.

/** Reads a list's checkpoint, resetting the list first when its projection's version changed. */
async function preparedCheckpoint(binding: ListBinding): Promise<StoredCheckpoint> {
  const stored = await binding.readModel.readCheckpoint();
  if (stored?.version === binding.projection.version) return stored;
  await binding.readModel.reset(binding.projection.version);
  return { version: binding.projection.version };
}

function samePositions(positions: readonly (GlobalPosition | undefined)[]): boolean {
  return positions.every((p) => p === positions[0]);
}

/**
 * One projection target for several lists over the same events (the Brouillons and Dossiers
 * lists): each batch is folded once for all of them, then committed to each list with its own
 * checkpoint. Lists whose checkpoints differ (one committed a batch the other did not, or one
 * was rebuilt for a new version) are fed one by one until they meet again; events at or below a
 * list's checkpoint are skipped for that list. A list whose projection version changed is reset
 * when the checkpoint is read, so the runner replays what it lacks.
 */
export function listsProjectionTarget(bindings: readonly ListBinding[]): ProjectionTarget {
  checkSharedFold(bindings);
  const models = bindings.map((b) => b.readModel);
  return {
    async readCheckpoint() {
      const stored: StoredCheckpoint[] = [];
      for (const binding of bindings) stored.push(await preparedCheckpoint(binding));
      // The runner resumes from the list furthest behind; the others skip what they have.
      const positions = stored.map((s) => s.position);
      if (positions.some((p) => p === undefined)) return {};
      return { position: (positions as GlobalPosition[]).reduce((a, b) => (b < a ? b : a)) };
    },
    // Each list is reset to its own projection's version (the runner's number is not used).
    async reset() {
      for (const { projection, readModel } of bindings) await readModel.reset(projection.version);
    },
    async applyBatch(events: readonly RecordedEvent[], checkpoint: GlobalPosition) {
      const positions = await Promise.all(models.map(async (m) => (await m.readCheckpoint())?.position));
      const from = positions[0];
      const behind = from === undefined || events.length === 0 || events[0].globalPosition > from;
      if (samePositions(positions) && behind) return foldAndCommit(bindings, events, checkpoint);
      // Lists apart (or a redelivery): each list on its own from its checkpoint, the same fold.
      for (const binding of bindings) await applyFromCheckpoint(binding, events, checkpoint);
    },
  };
}

/**
 * Both lists (or any lists with a placement) ready for the kernel's projection runner as one
 * runnable: one subscription, one fold per batch. Versions are checked per list by the target.
 */
export function listsRunnable(bindings: readonly ListBinding[]): Runnable {
  const filter = bindings[0]?.projection.filter;
  return {
    name: bindings.map((b) => b.projection.name).join('+'),
    filter,
    target: listsProjectionTarget(bindings),
  };
}
