import type { RecordedEvent } from '@cartes-badges/eventsourcing';
import type { DossierEvent, ListProjection, ListRow, MutableListRow } from '@cartes-badges/domain';
import {
  createdRow,
  dossierIdOfStream,
  foldIntoRow,
  isCreationEvent,
  withSearchKey,
} from '@cartes-badges/domain';

// Both lists fold the same row from the same events and differ only in what they do with it
// (`placement`: drop it, keep it hidden, or list it). Fed one batch, the shared fold folds each
// dossier's events once for all the lists, builds the search key once, and then gives each list
// its row. It is the same as running each list on its own because a list's placement never takes
// back a drop: once a dossier leaves a list (transmitted, deleted, refused) no later event of the
// dossier brings it back, so a list that dropped the row mid-batch would also drop it at the end.

/** One dossier a batch touches: the shared fold of its row, and where each list had it. */
export interface Touched {
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
export interface ListSide {
  readonly before: (ListRow | undefined)[];
  /** Slots in an in-memory read model (-1: none). */
  readonly slots: number[];
}

export interface Batch {
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
export const isNewStream = (event: RecordedEvent): boolean => event.version === 0;

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
export function foldBatch(
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
export function startRow(batch: Batch, index: number): MutableListRow | undefined {
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
export function rowForList(projection: ListProjection, entry: Touched): ListRow | undefined {
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
