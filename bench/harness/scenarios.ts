import type { Target, TargetName } from '../targets/target';
import { checkCommandHandling, runCommandHandling } from '../workloads/w1-command-handling';
import { fillStore, runRebuild } from '../workloads/w2-rebuild';
import { appendLongStream, foldLongStream, longStreamBatches } from '../workloads/w3-long-stream';
import { runStoreWorkload } from '../workloads/s-store';
import { runFullDomain } from '../workloads/w1-full';
import type { DurableLocation } from '../targets/durable';
import { buildLists, W4_QUERIES } from '../workloads/w4-lists';
import { createScratchDatabase } from './scratch-database';
import { timeQuery, type LatencySpec } from './latency';

/** A rate a scenario reports (higher is better). */
export interface MetricSpec {
  readonly key: string;
  readonly label: string;
}

/** One workload, runnable in a child process against one library. */
export interface Scenario {
  readonly id: string;
  readonly title: string;
  readonly metrics: readonly MetricSpec[];
  /** Queries it times many times per run, reported as p50 and p99 (in milliseconds) besides `metrics`. */
  readonly latencies?: readonly LatencySpec[];
  /** Size of the in-process warm-up run that precedes the measured one. */
  warmUpSize(size: number): number;
  /** Runs the workload at `size` and returns each metric (per second) and percentile (ms). */
  run(target: Target, size: number): Promise<Record<string, number>>;
}

const seconds = (startedAt: number): number => (performance.now() - startedAt) / 1000;

const w1: Scenario = {
  id: 'W1',
  title: 'command handling',
  metrics: [{ key: 'commands', label: 'commands/s' }],
  warmUpSize: (size) => Math.min(1_000, Math.max(100, Math.floor(size / 10))),
  async run(target, size) {
    const store = target.createStore();
    const startedAt = performance.now();
    const commands = await runCommandHandling(store, size);
    const elapsed = seconds(startedAt);
    await checkCommandHandling(store, size);
    return { commands: commands / elapsed };
  },
};

const w2: Scenario = {
  id: 'W2',
  title: 'rebuild',
  metrics: [{ key: 'events', label: 'events/s' }],
  warmUpSize: (size) => Math.min(1_000, Math.max(100, Math.floor(size / 10))),
  async run(target, size) {
    const store = target.createStore();
    const streamIds = await fillStore(store, size);
    const startedAt = performance.now();
    const events = await runRebuild(store, streamIds);
    return { events: events / seconds(startedAt) };
  },
};

/** Events per append in W3. */
export const W3_BATCH = 100;

const w3: Scenario = {
  id: 'W3',
  title: 'long stream',
  metrics: [
    { key: 'append', label: 'append events/s' },
    { key: 'fold', label: 'fold events/s' },
  ],
  warmUpSize: (size) => Math.min(10_000, Math.max(1_000, Math.floor(size / 10))),
  async run(target, size) {
    const store = target.createStore();
    const batches = longStreamBatches(size, W3_BATCH);
    let startedAt = performance.now();
    const appended = await appendLongStream(store, batches);
    const append = appended / seconds(startedAt);
    startedAt = performance.now();
    const folded = await foldLongStream(store, appended);
    return { append, fold: folded / seconds(startedAt) };
  },
};

// Ours only: the real dossier service has no Emmett counterpart.
const w1Full: Scenario = {
  id: 'W1-FULL',
  title: 'command handling, real dossier service',
  metrics: [{ key: 'commands', label: 'commands/s' }],
  warmUpSize: (size) => Math.min(200, Math.max(20, Math.floor(size / 10))),
  async run(_target, size) {
    const startedAt = performance.now();
    const commands = await runFullDomain(size);
    return { commands: commands / seconds(startedAt) };
  },
};

// Ours only, like W1-FULL: the lists are the domain's read side. A run at 1,000,000 dossiers
// takes about 40 s and 2 GB, so the full plan runs W4 3 times, not 5 (--quick: once). Its query
// figures are the p50 and p99 of the samples timed within each run (500 for a company's page or
// search, 35 for the case manager's search), then the median (min–max) of those over the runs.
const w4: Scenario = {
  id: 'W4',
  title: 'lists',
  metrics: [{ key: 'apply', label: 'apply events/s, both lists' }],
  latencies: W4_QUERIES,
  warmUpSize: (size) => Math.min(20_000, Math.max(1_000, Math.floor(size / 20))),
  async run(_target, size) {
    const lists = await buildLists(size);
    const metrics: Record<string, number> = { apply: lists.events / lists.applySeconds };
    for (const query of W4_QUERIES) {
      Object.assign(metrics, await timeQuery(query, (i) => lists.query(query.params(i, lists.companies))));
    }
    return metrics;
  },
};

/** Store workload on a fresh scratch database (dropped afterwards) of the given kind. */
function storeScenario(id: string, backend: DurableLocation['backend']): Scenario {
  return {
    id,
    title: `${backend === 'sqlite' ? 'SQLite' : 'PostgreSQL'} store`,
    metrics: [
      { key: 'append1', label: 'append events/s, batch 1' },
      { key: 'append100', label: 'append events/s, batch 100' },
      { key: 'readAll', label: 'readAll events/s' },
    ],
    warmUpSize: (size) => Math.max(20, Math.floor(size / 10)),
    async run(target, size) {
      const database = await createScratchDatabase(backend);
      try {
        const store = await target.openDurable(database.location);
        try {
          return await runStoreWorkload(store, size);
        } finally {
          await store.close();
        }
      } finally {
        await database.drop();
      }
    },
  };
}

/** Every scenario by id. */
export const SCENARIOS: Readonly<Record<string, Scenario>> = {
  W1: w1,
  'W1-FULL': w1Full,
  W2: w2,
  W3: w3,
  W4: w4,
  SQLITE: storeScenario('SQLITE', 'sqlite'),
  PG: storeScenario('PG', 'postgres'),
};

/** What the parent asks a child to run. */
export interface RunSpec {
  readonly scenario: string;
  readonly target: TargetName;
  readonly size: number;
}

/** What a child sends back. */
export interface RunResult {
  readonly metrics: Record<string, number>;
  /** Peak resident set size of the child process, in bytes. */
  readonly peakRss: number;
  /** Resident set size right before the measured run (after loading and warm-up), in bytes. */
  readonly baseRss: number;
}
