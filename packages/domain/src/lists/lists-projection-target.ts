import type {
  GlobalPosition,
  ProjectionTarget,
  RecordedEvent,
  Runnable,
  StoredCheckpoint,
} from '@cartes-badges/eventsourcing';
import type { DossierEvent } from '../dossier/events';
import type { InMemoryListReadModel, SlotChange } from './in-memory-list-read-model';
import { isInMemoryListReadModel } from './in-memory-list-read-model';
import type { ListProjection } from './list-projections';
import type { ListReadModel, RowChange } from './list-read-model';
import type { ListRow } from './list-row';
import { dossierIdOfStream } from './list-row';
import { listProjectionTarget } from './list-projection-target';
import type { Batch, Touched } from './shared-batch-fold';
import { foldBatch, isNewStream, rowForList, startRow } from './shared-batch-fold';

// Both lists on one runner: each batch folded once for all of them (shared-batch-fold.ts), then
// committed to each list with its own checkpoint.

/** A list and where its rows live. */
export interface ListBinding {
  readonly projection: ListProjection;
  readonly readModel: ListReadModel;
}

/** Calls `change` for each dossier whose row the batch changes in list `side` (row undefined: dropped). */
function forEachChange(
  projection: ListProjection,
  batch: Batch,
  side: number,
  change: (entry: Touched, row: ListRow | undefined) => void,
): void {
  const { before } = batch.sides[side];
  for (const entry of batch.entries) {
    const row = rowForList(projection, entry);
    if (row !== before[entry.index]) change(entry, row);
  }
}

/** Applies a folded batch to in-memory read models, by the slots the fold read. */
function commitInMemory(
  bindings: readonly ListBinding[],
  models: readonly InMemoryListReadModel[],
  batch: Batch,
  checkpoint: GlobalPosition,
): void {
  bindings.forEach(({ projection }, i) => {
    const { slots } = batch.sides[i];
    const changes: SlotChange[] = [];
    forEachChange(projection, batch, i, (entry, row) =>
      changes.push({ slot: slots[entry.index], dossierId: entry.dossierId, row }),
    );
    models[i].commitSlots(changes, { position: checkpoint, version: projection.version });
  });
}

/** Applies a folded batch to read models behind the port, one commit each. */
async function commitEach(
  bindings: readonly ListBinding[],
  batch: Batch,
  checkpoint: GlobalPosition,
): Promise<void> {
  for (let i = 0; i < bindings.length; i++) {
    const { projection, readModel } = bindings[i];
    const changes: RowChange[] = [];
    forEachChange(projection, batch, i, (entry, row) =>
      changes.push(row === undefined ? { op: 'delete', dossierId: entry.dossierId } : { op: 'upsert', row }),
    );
    await readModel.commit(changes, { position: checkpoint, version: projection.version });
  }
}

async function foldBehindPort(
  bindings: readonly ListBinding[],
  events: readonly RecordedEvent<DossierEvent>[],
): Promise<Batch> {
  // The rows of the dossiers the batch meets past their stream's first event.
  const seen = new Set<string>();
  const wanted: string[] = [];
  for (const event of events) {
    if (seen.has(event.streamId)) continue;
    seen.add(event.streamId);
    if (!isNewStream(event)) wanted.push(dossierIdOfStream(event.streamId));
  }
  const current = await Promise.all(bindings.map((b) => b.readModel.getRows(wanted)));
  return foldBatch(bindings.length, events, (batch, entry) => {
    current.forEach((rows, i) => {
      batch.sides[i].before[entry.index] = rows.get(entry.dossierId);
    });
    entry.row = startRow(batch, entry.index);
  });
}

function foldInMemory(
  models: readonly InMemoryListReadModel[],
  events: readonly RecordedEvent<DossierEvent>[],
): Batch {
  return foldBatch(models.length, events, (batch, entry) => {
    for (let i = 0; i < models.length; i++) {
      const slot = models[i].slotOf(entry.dossierId);
      batch.sides[i].slots[entry.index] = slot;
      batch.sides[i].before[entry.index] = slot < 0 ? undefined : models[i].rowAt(slot);
    }
    entry.row = startRow(batch, entry.index);
  });
}

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
  for (const { projection } of bindings) {
    if (projection.placement === undefined)
      throw new Error(`List ${projection.name}: a shared fold needs the list's placement`);
    if (projection.filter !== bindings[0].projection.filter)
      throw new Error(`List ${projection.name}: a shared fold needs the same event filter for every list`);
  }
  const models = bindings.map((b) => b.readModel);
  const inMemory = models.every(isInMemoryListReadModel) ? models : undefined;
  const alone = bindings.map((b) => listProjectionTarget(b.projection, b.readModel));
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
      if (!samePositions(positions) || !behind) {
        for (const target of alone) await target.applyBatch(events, checkpoint);
        return;
      }
      const fresh = events as readonly RecordedEvent<DossierEvent>[];
      if (inMemory !== undefined)
        commitInMemory(bindings, inMemory, foldInMemory(inMemory, fresh), checkpoint);
      else await commitEach(bindings, await foldBehindPort(bindings, fresh), checkpoint);
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
