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
import type { MutableListRow } from './list-row-fold';
import { createdRow, foldIntoRow, isCreationEvent, withSearchKey } from './list-row-fold';
import { listProjectionTarget } from './list-projection-target';

// Both lists fold the same row from the same events and differ only in what they do with it
// (`placement`: drop it, keep it hidden, or list it). Fed one batch, this target folds each
// dossier's events once for all the lists, builds the search key once, and then gives each list
// its row. It is the same as running each list on its own because a list's placement never takes
// back a drop: once a dossier leaves a list (transmitted, deleted, refused) no later event of the
// dossier brings it back, so a list that dropped the row mid-batch would also drop it at the end.

/** A list and where its rows live. */
export interface ListBinding {
  readonly projection: ListProjection;
  readonly readModel: ListReadModel;
}

/** One dossier a batch touches: the shared fold of its row, and where each list had it. */
interface Touched {
  readonly streamId: string;
  readonly dossierId: string;
  /** Its place in the batch's per-list arrays. */
  readonly index: number;
  /** The row as folded so far (from any list that had it, or from its creation). */
  row: MutableListRow | undefined;
  /** Whether `row` is a copy of this batch (never a row a read model holds). */
  owned: boolean;
  /** Whether the row's search key is still to be built (once, at the end of the batch). */
  searchStale: boolean;
  /** Whether a list took `row` itself (any other list that shows it differently takes a copy). */
  taken: boolean;
}

/** What one list had of the dossiers a batch touches, by their index. */
interface ListSide {
  readonly before: (ListRow | undefined)[];
  /** Slots in an in-memory read model (-1: none). */
  readonly slots: number[];
}

interface Batch {
  readonly touched: Map<string, Touched>;
  readonly entries: Touched[];
  readonly sides: ListSide[];
}

function newBatch(lists: number): Batch {
  const sides: ListSide[] = [];
  for (let i = 0; i < lists; i++) sides.push({ before: [], slots: [] });
  return { touched: new Map(), entries: [], sides };
}

function addEntry(batch: Batch, streamId: string): Touched {
  const entry: Touched = {
    streamId,
    dossierId: dossierIdOfStream(streamId),
    index: batch.entries.length,
    row: undefined,
    owned: false,
    searchStale: false,
    taken: false,
  };
  batch.touched.set(streamId, entry);
  batch.entries.push(entry);
  return entry;
}

/**
 * Whether the batch meets a dossier at its stream's first event: past the lists' checkpoint, so
 * no list has seen the dossier and there is no row to read (most dossiers of a rebuild or of a
 * busy day). A read model that did hold one would throw at commit rather than keep two.
 */
const isNewStream = (event: RecordedEvent): boolean => event.version === 0;

/** Folds one event into its dossier's shared row: one copy of the row per dossier and batch. */
function foldEvent(entry: Touched, event: RecordedEvent<DossierEvent>): void {
  if (isCreationEvent(event)) {
    entry.row = createdRow(event, false);
    entry.owned = true;
    entry.searchStale = true;
    return;
  }
  let row = entry.row;
  if (row === undefined) return; // a dossier no list holds (history cut short): nothing to show
  if (!entry.owned) {
    row = entry.row = { ...row };
    entry.owned = true;
  }
  if (foldIntoRow(row, event, false)) entry.searchStale = true;
}

/**
 * Folds a batch once for every list, reading each dossier's rows when the batch first meets it
 * (`read` gives what each list had, and the shared fold starts from the first list that had it:
 * the lists hold the same row apart from `listed`).
 */
function foldBatch(
  lists: number,
  events: readonly RecordedEvent<DossierEvent>[],
  read: (batch: Batch, entry: Touched) => void,
): Batch {
  const batch = newBatch(lists);
  // A command's events are stored one after the other: the dossier of the last event is the
  // first guess, checked by comparing the stream ids (no hashing of a fresh string).
  let last: Touched | undefined;
  for (const event of events) {
    let entry =
      last !== undefined && event.streamId === last.streamId ? last : batch.touched.get(event.streamId);
    if (entry === undefined) {
      entry = addEntry(batch, event.streamId);
      if (isNewStream(event))
        for (const side of batch.sides) {
          side.before[entry.index] = undefined;
          side.slots[entry.index] = -1;
        }
      else read(batch, entry);
    }
    foldEvent(entry, event);
    last = entry;
  }
  for (const entry of batch.entries)
    if (entry.row !== undefined && entry.searchStale) withSearchKey(entry.row);
  return batch;
}

/** The first row any list had: where the shared fold starts. */
function startRow(batch: Batch, index: number): MutableListRow | undefined {
  for (const side of batch.sides) {
    const row = side.before[index];
    if (row !== undefined) return row as MutableListRow;
  }
  return undefined;
}

/**
 * The row a list keeps for a dossier after the batch, or undefined when it drops it. The shared
 * row goes as it is to the first list that wants it (setting its `listed`), and as a copy to a
 * list that shows it differently.
 */
function rowForList(projection: ListProjection, entry: Touched): ListRow | undefined {
  const row = entry.row;
  if (row === undefined) return undefined;
  const listed = (projection.placement as (row: ListRow) => boolean | undefined)(row);
  if (listed === undefined) return undefined;
  if (row.listed === listed) {
    entry.taken = true;
    return row;
  }
  if (entry.owned && !entry.taken) {
    row.listed = listed;
    entry.taken = true;
    return row;
  }
  return { ...row, listed };
}

/** Applies a folded batch to in-memory read models, by the slots the fold read. */
function commitInMemory(
  bindings: readonly ListBinding[],
  models: readonly InMemoryListReadModel[],
  batch: Batch,
  checkpoint: GlobalPosition,
): void {
  bindings.forEach(({ projection }, i) => {
    const { before, slots } = batch.sides[i];
    const changes: SlotChange[] = [];
    for (const entry of batch.entries) {
      const row = rowForList(projection, entry);
      if (row !== before[entry.index])
        changes.push({ slot: slots[entry.index], dossierId: entry.dossierId, row });
    }
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
    const { before } = batch.sides[i];
    const changes: RowChange[] = [];
    for (const entry of batch.entries) {
      const row = rowForList(projection, entry);
      if (row === before[entry.index]) continue;
      changes.push(row === undefined ? { op: 'delete', dossierId: entry.dossierId } : { op: 'upsert', row });
    }
    await readModel.commit(changes, { position: checkpoint, version: projection.version });
  }
}

async function foldBehindPort(
  bindings: readonly ListBinding[],
  events: readonly RecordedEvent<DossierEvent>[],
): Promise<Batch> {
  const ids = new Set<string>();
  const seen = new Set<string>();
  for (const event of events) {
    if (seen.has(event.streamId)) continue;
    seen.add(event.streamId);
    if (!isNewStream(event)) ids.add(dossierIdOfStream(event.streamId));
  }
  const wanted = [...ids];
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
