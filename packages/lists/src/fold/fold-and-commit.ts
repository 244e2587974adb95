import type { GlobalPosition, RecordedEvent } from '@cartes-badges/eventsourcing';
import type { DossierEvent, ListProjection, ListReadModel, ListRow, RowChange } from '@cartes-badges/domain';
import { dossierIdOfStream } from '@cartes-badges/domain';
import type { InMemoryListReadModel, SlotChange } from '../engine/in-memory-list-read-model';
import { isInMemoryListReadModel } from '../engine/in-memory-list-read-model';
import type { Batch, Touched } from './shared-batch-fold';
import { foldBatch, isNewStream, rowForList, startRow } from './shared-batch-fold';

// The one way a batch reaches the lists: folded once (shared-batch-fold.ts) for however many
// lists are given, one or several, then committed to each with the checkpoint. A single list is
// the same fold with one list.

/** A list and where its rows live. */
export interface ListBinding {
  readonly projection: ListProjection;
  readonly readModel: ListReadModel;
}

/** Refuses lists the shared fold cannot feed: each needs its placement, and all the same filter. */
export function checkSharedFold(bindings: readonly ListBinding[]): void {
  for (const { projection } of bindings) {
    if (projection.placement === undefined)
      throw new Error(`List ${projection.name}: a shared fold needs the list's placement`);
    if (projection.filter !== bindings[0].projection.filter)
      throw new Error(`List ${projection.name}: a shared fold needs the same event filter for every list`);
  }
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

/**
 * Folds events none of the lists has applied yet, once for all of them, and commits the row
 * changes to each list with the checkpoint. In-memory models are read and written by slot in
 * one synchronous call; any other model through the port (`getRows`, then `commit`).
 */
export async function foldAndCommit(
  bindings: readonly ListBinding[],
  events: readonly RecordedEvent[],
  checkpoint: GlobalPosition,
): Promise<void> {
  const fresh = events as readonly RecordedEvent<DossierEvent>[];
  const models = bindings.map((b) => b.readModel);
  if (models.every(isInMemoryListReadModel))
    commitInMemory(bindings, models, foldInMemory(models, fresh), checkpoint);
  else await commitEach(bindings, await foldBehindPort(bindings, fresh), checkpoint);
}

/**
 * Applies a batch to one list from its stored checkpoint: events at or below it (redelivered
 * after a crash) are skipped, so a batch applies once.
 */
export async function applyFromCheckpoint(
  binding: ListBinding,
  events: readonly RecordedEvent[],
  checkpoint: GlobalPosition,
): Promise<void> {
  const from = (await binding.readModel.readCheckpoint())?.position;
  if (from !== undefined && checkpoint <= from) return;
  // A batch is only filtered when it overlaps the checkpoint (a redelivery): no copy otherwise.
  const fresh =
    from === undefined || events.length === 0 || events[0].globalPosition > from
      ? events
      : events.filter((e) => e.globalPosition > from);
  await foldAndCommit([binding], fresh, checkpoint);
}
