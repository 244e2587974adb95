import type { TargetStore } from '../targets/target';
import { DOSSIER_FIELDS, type DossierEvent } from './dossier';

/** The long stream's id. */
export const LONG_STREAM_ID = 'dossier-long';

/** Event `i` of the long stream: a creation, then field updates cycling over the fields. */
function longStreamEvent(i: number): DossierEvent {
  if (i === 0) {
    return {
      type: 'DossierCreated',
      data: { dossierId: LONG_STREAM_ID, siret: '12345678900011', createdAt: '2024-05-01T08:00:00.000Z' },
    };
  }
  const field = DOSSIER_FIELDS[i % DOSSIER_FIELDS.length];
  return { type: 'DossierFieldUpdated', data: { field, value: `${field} #${i}` } };
}

/** The batches to append (built before the clock starts). */
export function longStreamBatches(events: number, batchSize: number): DossierEvent[][] {
  const batches: DossierEvent[][] = [];
  for (let start = 0; start < events; start += batchSize) {
    const batch: DossierEvent[] = [];
    for (let i = start; i < Math.min(events, start + batchSize); i++) batch.push(longStreamEvent(i));
    batches.push(batch);
  }
  return batches;
}

/** W3, first half: appends the batches one after the other, each with the expected version. */
export async function appendLongStream(
  store: TargetStore,
  batches: readonly DossierEvent[][],
): Promise<number> {
  let inStream = 0;
  for (const batch of batches) {
    await store.append(LONG_STREAM_ID, batch, inStream);
    inStream += batch.length;
  }
  return inStream;
}

/** W3, second half: folds the whole stream from its start. */
export async function foldLongStream(store: TargetStore, expected: number): Promise<number> {
  const { state, events } = await store.foldStream(LONG_STREAM_ID);
  if (events !== expected || state.status !== 'draft') {
    throw new Error(`W3: folded ${events} events of ${expected}, state ${JSON.stringify(state)}`);
  }
  return events;
}
