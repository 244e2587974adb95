import type { DurableStore } from '../targets/durable';
import { dossierHistory } from './w2-rebuild';
import { LONG_STREAM_ID, longStreamBatches } from './w3-long-stream';

/** Streams the single-event appends are spread over. */
const STREAMS = 100;

/**
 * Store workload: `appends` appends of one event (round robin over 100 streams), then
 * `appends / 10` appends of 100 events to one stream, then a read of everything in global order.
 * Every append carries the expected version.
 */
export async function runStoreWorkload(
  store: DurableStore,
  appends: number,
): Promise<Record<string, number>> {
  const history = dossierHistory(0);
  const inStream = new Array<number>(STREAMS).fill(0);
  let startedAt = performance.now();
  for (let i = 0; i < appends; i++) {
    const stream = i % STREAMS;
    const event = history[inStream[stream] % history.length];
    await store.append(`dossier-${stream}`, [event], inStream[stream]);
    inStream[stream] += 1;
  }
  const append1 = appends / seconds(startedAt);

  const batches = longStreamBatches((appends / 10) * 100, 100);
  startedAt = performance.now();
  let written = 0;
  for (const batch of batches) {
    await store.append(LONG_STREAM_ID, batch, written);
    written += batch.length;
  }
  const append100 = written / seconds(startedAt);

  startedAt = performance.now();
  let read = 0;
  await store.readAll(() => read++, appends + written);
  const readAll = read / seconds(startedAt);
  if (read !== appends + written)
    throw new Error(`store workload: read ${read} events of ${appends + written}`);
  return { append1, append100, readAll };
}

const seconds = (startedAt: number): number => (performance.now() - startedAt) / 1000;
