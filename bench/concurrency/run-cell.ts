import type { ConcurrentTarget, OneEvent } from './concurrent-target';
import { RetryAppend } from './concurrent-target';

/** Distinct streams (each writer its own) or one hot stream all writers race on. */
export type StreamCase = 'distinct' | 'hot';

/** What one run of one target gave. */
export interface CellResult {
  readonly appends: number;
  readonly seconds: number;
  readonly perSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  /** CPU time of this process (the client) per append, in µs: hashing and preparation show here. */
  readonly clientCpuMicros: number;
  /** Appends tried again by the caller (Emmett on the hot stream). */
  readonly retries: number;
}

const STREAMS_PER_WRITER = 10;
const event = (i: number): OneEvent => ({
  type: 'DossierFieldUpdated',
  data: { field: 'holderName', value: `Titulaire ${i} — Société Exemple de Formation SAS` },
});

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/**
 * `writers` concurrent writers, each on its own connection, append `total` single-event appends
 * in all (one transaction each): to ten streams of their own each, or all to one hot stream.
 */
export async function runCell(
  target: ConcurrentTarget,
  where: string,
  writers: number,
  streams: StreamCase,
  total: number,
): Promise<CellResult> {
  const store = await target.open(where, writers);
  const perWriter = Math.ceil(total / writers);
  const latencies: number[] = [];
  let retries = 0;
  const cpuBefore = process.cpuUsage();
  const started = process.hrtime.bigint();
  try {
    await Promise.all(
      Array.from({ length: writers }, async (_, w) => {
        const counts = new Array<number>(STREAMS_PER_WRITER).fill(0);
        for (let i = 0; i < perWriter; i++) {
          const slot = i % STREAMS_PER_WRITER;
          const streamId = streams === 'hot' ? 'hot-stream' : `w${w}-s${slot}`;
          const t0 = process.hrtime.bigint();
          for (;;) {
            try {
              await store.append(streamId, event(i), streams === 'hot' ? 'any' : counts[slot]);
              break;
            } catch (error) {
              if (!(error instanceof RetryAppend)) throw error;
              retries++;
            }
          }
          latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
          counts[slot]++;
        }
      }),
    );
  } finally {
    await store.close();
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const cpu = process.cpuUsage(cpuBefore);
  const appends = perWriter * writers;
  latencies.sort((a, b) => a - b);
  return {
    appends,
    seconds,
    perSecond: appends / seconds,
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
    clientCpuMicros: (cpu.user + cpu.system) / appends,
    retries,
  };
}
