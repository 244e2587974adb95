import type { GlobalPosition, ProjectionTarget, RecordedEvent, Runnable } from '@cartes-badges/eventsourcing';
import type { DossierEvent } from '../dossier/events';
import type { ListProjection } from './list-projections';
import type { InMemoryListReadModel, SlotChange } from './in-memory-list-read-model';
import { isInMemoryListReadModel } from './in-memory-list-read-model';
import type { ListReadModel, RowChange } from './list-read-model';
import type { ListRow } from './list-row';
import { dossierIdOfStream } from './list-row';
import type { MutableListRow } from './list-row-fold';
import { createdRow, foldIntoRow, isCreationEvent, withSearchKey } from './list-row-fold';

/** One dossier a batch touches: its row before the batch and as folded so far. */
interface Touched {
  readonly dossierId: string;
  before: ListRow | undefined;
  row: ListRow | undefined;
  /** Whether `row` is a copy this fold may write into (never a row the read model holds). */
  owned: boolean;
  /** Whether `row`'s search key is still to be built (at the end of the batch, if kept). */
  searchStale: boolean;
  /** Its slot in an in-memory read model (-1: none or not in memory). */
  slot: number;
}

// Keyed by stream id, the string each event carries: its hash is computed once per event and
// shared by both lists, where a dossier id sliced from it would be a new string each time.
type TouchedStreams = Map<string, Touched>;

function touchedEntry(streamId: string): Touched {
  return {
    dossierId: dossierIdOfStream(streamId),
    before: undefined,
    row: undefined,
    owned: false,
    searchStale: false,
    slot: -1,
  };
}

function touchedStreams(events: readonly RecordedEvent[]): TouchedStreams {
  const touched: TouchedStreams = new Map();
  for (const event of events)
    if (touched.get(event.streamId) === undefined) touched.set(event.streamId, touchedEntry(event.streamId));
  return touched;
}

/** Folds one event into its dossier's entry: one copy of a row per dossier and batch. */
function foldEvent(projection: ListProjection, entry: Touched, event: RecordedEvent<DossierEvent>): void {
  const { placement } = projection;
  if (placement === undefined) {
    entry.row = projection.evolve(entry.row, event);
    return;
  }
  let row = entry.row as MutableListRow | undefined;
  if (isCreationEvent(event)) {
    row = createdRow(event, false);
    entry.owned = true;
    entry.searchStale = true;
  } else if (row !== undefined && row.dossierId === entry.dossierId) {
    if (!entry.owned) {
      row = { ...row };
      entry.owned = true;
    }
    if (foldIntoRow(row, event, false)) entry.searchStale = true;
  }
  if (row !== undefined) {
    const listed = placement(row);
    if (listed === undefined) row = undefined;
    else if (row.listed !== listed) {
      if (!entry.owned) {
        row = { ...row };
        entry.owned = true;
      }
      row.listed = listed;
    }
  }
  entry.row = row;
}

/** Folds each event into its dossier's entry. */
function foldInto(
  projection: ListProjection,
  touched: TouchedStreams,
  events: readonly RecordedEvent<DossierEvent>[],
): void {
  for (const event of events) foldEvent(projection, touched.get(event.streamId) as Touched, event);
}

/**
 * Folds a batch into an in-memory read model's rows in one pass: a dossier's row is looked up
 * (by slot) when the batch first meets it, so each event costs one lookup of its stream.
 */
function foldInMemory(
  projection: ListProjection,
  readModel: InMemoryListReadModel,
  events: readonly RecordedEvent<DossierEvent>[],
): TouchedStreams {
  const touched: TouchedStreams = new Map();
  for (const event of events) {
    let entry = touched.get(event.streamId);
    if (entry === undefined) {
      entry = touchedEntry(event.streamId);
      const slot = (entry.slot = readModel.slotOf(entry.dossierId));
      entry.row = entry.before = slot < 0 ? undefined : readModel.rowAt(slot);
      touched.set(event.streamId, entry);
    }
    foldEvent(projection, entry, event);
  }
  return touched;
}

/** The changes a folded batch makes: one per dossier whose row was replaced or dropped. */
function changesOf(touched: TouchedStreams): RowChange[] {
  const changes: RowChange[] = [];
  for (const entry of touched.values()) {
    if (entry.row === entry.before) continue;
    if (entry.row !== undefined && entry.searchStale) withSearchKey(entry.row as MutableListRow);
    if (entry.row !== undefined) changes.push({ op: 'upsert', row: entry.row });
    else changes.push({ op: 'delete', dossierId: entry.dossierId });
  }
  return changes;
}

/** The same changes with the slots the batch read (for an in-memory read model). */
function slotChangesOf(touched: TouchedStreams): SlotChange[] {
  const changes: SlotChange[] = [];
  for (const entry of touched.values()) {
    if (entry.row === entry.before) continue;
    if (entry.row !== undefined && entry.searchStale) withSearchKey(entry.row as MutableListRow);
    changes.push(entry);
  }
  return changes;
}

/**
 * Folds a batch of events into row changes: reads the rows the batch touches once, evolves
 * them in memory, and gives one change per dossier touched (its last state). Pure apart from
 * the rows given.
 */
export function foldBatch(
  projection: ListProjection,
  current: ReadonlyMap<string, ListRow>,
  events: readonly RecordedEvent<DossierEvent>[],
): RowChange[] {
  const touched = touchedStreams(events);
  for (const entry of touched.values()) entry.row = entry.before = current.get(entry.dossierId);
  foldInto(projection, touched, events);
  return changesOf(touched);
}

/**
 * The kernel's projection target for a list: each batch becomes one `commit` of its row changes
 * with its checkpoint. Events at or below the stored checkpoint (redelivered after a crash) are
 * skipped, so a batch applies once.
 */
export function listProjectionTarget(projection: ListProjection, readModel: ListReadModel): ProjectionTarget {
  const inMemory = isInMemoryListReadModel(readModel) ? readModel : undefined;
  return {
    readCheckpoint: () => readModel.readCheckpoint(),
    reset: (version) => readModel.reset(version),
    async applyBatch(events: readonly RecordedEvent[], checkpoint: GlobalPosition) {
      const stored = await readModel.readCheckpoint();
      const from = stored?.position;
      if (from !== undefined && checkpoint <= from) return;
      // A batch is only filtered when it overlaps the checkpoint (a redelivery): no copy otherwise.
      const fresh = (
        from === undefined || events.length === 0 || events[0].globalPosition > from
          ? events
          : events.filter((e) => e.globalPosition > from)
      ) as readonly RecordedEvent<DossierEvent>[];
      const next = { position: checkpoint, version: projection.version };
      if (inMemory !== undefined) {
        inMemory.commitSlots(slotChangesOf(foldInMemory(projection, inMemory, fresh)), next);
        return;
      }
      const touched = touchedStreams(fresh);
      const ids: string[] = [];
      for (const entry of touched.values()) ids.push(entry.dossierId);
      const current = await readModel.getRows(ids);
      for (const entry of touched.values()) entry.row = entry.before = current.get(entry.dossierId);
      foldInto(projection, touched, fresh);
      await readModel.commit(changesOf(touched), next);
    },
  };
}

/** A list ready for the kernel's projection runner (`startProjection`, `runProjectionOnce`). */
export function listRunnable(projection: ListProjection, readModel: ListReadModel): Runnable {
  return {
    name: projection.name,
    version: projection.version,
    filter: projection.filter,
    target: listProjectionTarget(projection, readModel),
  };
}
