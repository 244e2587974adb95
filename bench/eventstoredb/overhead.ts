/**
 * The EventStoreDB adapter's overhead: its append and read throughput against raw client calls
 * doing the same work (same events, same bytes on the wire, same page size), against the
 * stand-in server (on its own thread, over loopback), on one client and one append path (a
 * process loads only one client: their protobuf classes share globals).
 *
 *   npx tsx bench/eventstoredb/overhead.ts [--client eventstoredb|kurrentdb] [--path batch|classic]
 *     [--events 2000] [--rounds 3] [--cpu | --side raw|adapter]
 *
 * By default the two sides take turns in small blocks in one process, on one server, and the
 * median of the rounds counts: wall-clock rates, and the CPU time of each thread. With `--cpu`,
 * each side runs alone in a process of its own (raw-only and adapter-only processes taking
 * turns) and the CPU time per event is the figure to read: it counts what each side costs
 * rather than timing it, so a busy machine moves it far less than wall-clock time (see
 * cpu-meter.ts). What the adapter adds: validation, the hash chain (SHA-256 over canonical
 * JSON), metadata mapping, position encoding, the read pipeline.
 */
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import * as path from 'node:path';
import type {
  AllStreamResolvedEvent,
  EventStoreDBClient,
} from '../../packages/eventstoredb/node_modules/@eventstore/db-client';
import type { EventToAppend } from '../../packages/eventsourcing/src';
import { standInHost, startStandInStore } from '../../packages/eventstoredb/test/stand-in-harness';
import type { ClientKind } from '../../packages/eventstoredb/test/test-clients';
import { actor, dataOf, rawMetadata, STREAMS } from './bench-events';
import type { Cost } from './cpu-meter';
import { cpuMeter, noCost, threadCpuAvailable } from './cpu-meter';

const args = process.argv.slice(2);
const option = (name: string, fallback: number): number => {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? Number(args[index + 1]) : fallback;
};
const text = (name: string, fallback: string): string => {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? args[index + 1] : fallback;
};
const EVENTS = option('events', 2000);
const ROUNDS = option('rounds', 3);
const CLIENT = text('client', 'eventstoredb') as ClientKind;
const PATH = text('path', 'batch') as 'batch' | 'classic';
// `both` (the default) times the two sides in one process; `raw` or `adapter` runs one side only,
// as `--cpu` does in a process of its own for each side.
const SIDE = text('side', 'both') as Side | 'both';

// The raw side uses the same client module as the adapter (only one may be loaded).
const packageDir = path.resolve(__dirname, '../../packages/eventstoredb');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const lib = require(
  require.resolve(CLIENT === 'kurrentdb' ? '@kurrent/kurrentdb-client' : '@eventstore/db-client', {
    paths: [packageDir],
  }),
) as typeof import('../../packages/eventstoredb/node_modules/@eventstore/db-client');
const { FORWARDS, jsonEvent, NO_STREAM } = lib;
type Raw = EventStoreDBClient;
// The 1.x client calls the expected revision `streamState`.
const expectedOption = (revision: bigint | typeof NO_STREAM) =>
  (CLIENT === 'kurrentdb' ? { streamState: revision } : { expectedRevision: revision }) as never;

const PAGE = 256;

type Side = 'adapter' | 'raw';
const runs = (side: Side): boolean => SIDE === 'both' || SIDE === side;
// The events each side reads in `$all`: those of the sides that ran.
const ALL_EVENTS = (SIDE === 'both' ? 2 : 1) * EVENTS;

type Timing = Record<'append' | 'readStream' | 'readAll', Record<Side, Cost>>;

// One server, one client; the adapter writes `a-dossier-*`, the raw client `r-dossier-*`. The two
// sides take turns in small blocks, so that a busy machine slows both alike.
async function round(serverThreadId: number | undefined): Promise<Timing> {
  const started = await startStandInStore({}, { client: CLIENT, server: { features: PATH } });
  const { measure } = cpuMeter(serverThreadId);
  // A raw client of the same kind on the same server.
  const client = (
    CLIENT === 'kurrentdb'
      ? (
          lib as unknown as { KurrentDBClient: { connectionString(url: string): Raw } }
        ).KurrentDBClient.connectionString(started.server.connectionString.replace(/^esdb:/, 'kurrentdb:'))
      : lib.EventStoreDBClient.connectionString(started.server.connectionString)
  ) as Raw;
  const timing: Timing = {
    append: { adapter: noCost(), raw: noCost() },
    readStream: { adapter: noCost(), raw: noCost() },
    readAll: { adapter: noCost(), raw: noCost() },
  };
  try {
    const { store } = started;
    const adapterVersions = new Array<number>(STREAMS).fill(-1);
    const rawRevisions = new Array<bigint | typeof NO_STREAM>(STREAMS).fill(NO_STREAM);
    const BLOCK = 50;
    const adapterBlock = async (block: number) => {
      if (!runs('adapter')) return;
      await measure(timing.append.adapter, async () => {
        for (let i = block; i < block + BLOCK; i++) {
          const s = i % STREAMS;
          const event = {
            type: 'LineAdded',
            data: dataOf(i),
            metadata: { actor, commandId: randomUUID() },
          } as EventToAppend;
          const result = await store.appendToStream(`a-dossier-${s}`, [event], {
            expectedVersion: adapterVersions[s],
          });
          adapterVersions[s] = result.nextExpectedVersion;
        }
      });
    };
    const rawBlock = async (block: number) => {
      if (!runs('raw')) return;
      await measure(timing.append.raw, async () => {
        for (let i = block; i < block + BLOCK; i++) {
          const s = i % STREAMS;
          const result = await client.appendToStream(
            `r-dossier-${s}`,
            jsonEvent({ id: randomUUID(), type: 'LineAdded', data: dataOf(i), metadata: rawMetadata(i) }),
            expectedOption(rawRevisions[s]),
          );
          rawRevisions[s] = result.nextExpectedRevision;
        }
      });
    };
    // Which side goes first alternates from block to block, so that neither always runs right
    // after the other's garbage or in the same phase of the stand-in thread's work.
    for (let block = 0; block < EVENTS; block += BLOCK) {
      if ((block / BLOCK) % 2 === 0) {
        await adapterBlock(block);
        await rawBlock(block);
      } else {
        await rawBlock(block);
        await adapterBlock(block);
      }
    }
    let adapterRead = 0;
    let rawRead = 0;
    for (let s = 0; s < STREAMS; s++) {
      if (runs('adapter'))
        await measure(timing.readStream.adapter, async () => {
          for await (const event of store.readStream(`a-dossier-${s}`, { batchSize: PAGE }))
            adapterRead += event ? 1 : 0;
        });
      if (runs('raw'))
        await measure(timing.readStream.raw, async () => {
          // Same paging as the adapter: pages of PAGE events from the revision after the last one read.
          for (let from = 0n; ; ) {
            let got = 0;
            for await (const resolved of client.readStream(`r-dossier-${s}`, {
              fromRevision: from,
              maxCount: PAGE,
              direction: FORWARDS,
            })) {
              got += 1;
              from = (resolved.event?.revision ?? from) + 1n;
            }
            rawRead += got;
            if (got < PAGE) break;
          }
        });
    }
    if ((runs('adapter') && adapterRead !== EVENTS) || (runs('raw') && rawRead !== EVENTS))
      throw new Error(`read ${adapterRead}/${rawRead} of ${EVENTS}`);
    for (let pass = 0; pass < 3; pass++) {
      let all = 0;
      if (runs('adapter')) {
        await measure(timing.readAll.adapter, async () => {
          for await (const event of store.readAll({ batchSize: PAGE })) all += event ? 1 : 0;
        });
        if (all !== ALL_EVENTS) throw new Error(`adapter readAll gave ${all} events of ${ALL_EVENTS}`);
      }
      if (!runs('raw')) continue;
      all = 0;
      await measure(timing.readAll.raw, async () => {
        let position: { commit: bigint; prepare: bigint } | 'start' = 'start';
        for (;;) {
          let got = 0;
          const from: { commit: bigint; prepare: bigint } | 'start' = position;
          const page = client.readAll({ fromPosition: from, maxCount: PAGE + (from === 'start' ? 0 : 1) });
          for await (const resolved of page as AsyncIterable<AllStreamResolvedEvent>) {
            const p: { commit: bigint; prepare: bigint } | undefined = resolved.event?.position;
            if (from !== 'start' && p && p.commit === from.commit && p.prepare === from.prepare) continue;
            got += 1;
            if (!resolved.event?.streamId.startsWith('$')) all += 1;
            if (p) position = p;
          }
          if (got < PAGE) break;
        }
      });
      if (all !== ALL_EVENTS) throw new Error(`raw readAll gave ${all} events of ${ALL_EVENTS}`);
    }
    return timing;
  } finally {
    await client.dispose();
    await started.dispose();
  }
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const ROWS: readonly (readonly [string, keyof Timing, number])[] = [
  ['append (1 event, expected version)', 'append', EVENTS],
  [`readStream (pages of ${PAGE})`, 'readStream', EVENTS],
  // Three passes over `$all`.
  [`readAll (pages of ${PAGE})`, 'readAll', 3 * ALL_EVENTS],
];

/** One round's costs per event. */
function perEvent(timing: Timing): Timing {
  const divide = (cost: Cost, count: number): Cost => ({
    wallMs: cost.wallMs / count,
    clientUs: cost.clientUs / count,
    serverUs: cost.serverUs / count,
    otherUs: cost.otherUs / count,
  });
  const entries = ROWS.map(([, key, count]) => [
    key,
    { adapter: divide(timing[key].adapter, count), raw: divide(timing[key].raw, count) },
  ]);
  return Object.fromEntries(entries) as Timing;
}

const percent = (adapter: number, raw: number): string => `${((adapter / raw - 1) * 100).toFixed(1)}%`;

/** The median over the rounds, per figure, of each side's cost per event. */
function medianOf(rounds: Record<Side, Timing[]>, key: keyof Timing, side: Side, figure: keyof Cost): number {
  return median(rounds[side].map((timing) => timing[key][side][figure]));
}

function printWallClock(rounds: Record<Side, Timing[]>): void {
  console.log("\nWall-clock (moves with the machine's load):\n");
  console.log('| operation | raw client (events/s) | adapter (events/s) | overhead |');
  console.log('| --- | ---: | ---: | ---: |');
  for (const [label, key] of ROWS) {
    const raw = medianOf(rounds, key, 'raw', 'wallMs');
    const adapter = medianOf(rounds, key, 'adapter', 'wallMs');
    console.log(
      `| ${label} | ${(1000 / raw).toFixed(0)} | ${(1000 / adapter).toFixed(0)} | ${percent(adapter, raw)} |`,
    );
  }
}

/**
 * The client thread's CPU in units of the stand-in thread's, per round: the server does the same
 * work for either side, so its CPU time measures how much the machine's state (other processes on
 * the core's sibling, cold caches) stretched CPU time in that round, and dividing by it takes that
 * out. A raw round and an adapter round run at different moments, under different loads.
 */
function normalisedClient(rounds: Record<Side, Timing[]>, key: keyof Timing, side: Side): number {
  return median(rounds[side].map((timing) => timing[key][side].clientUs / timing[key][side].serverUs));
}

function printCpu(rounds: Record<Side, Timing[]>): void {
  console.log(
    "\nCPU time per event in µs, raw → adapter (client thread: the client, and the adapter on its side; stand-in: the server's thread, the same work for both sides; other: the process's other threads, V8's garbage collection and compiler helpers):\n",
  );
  console.log(
    '| operation | client thread | overhead (client thread) | stand-in thread | client ÷ stand-in | overhead (client ÷ stand-in) | other threads | overhead (all threads) |',
  );
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const [label, key] of ROWS) {
    const both = (figure: keyof Cost) =>
      [medianOf(rounds, key, 'raw', figure), medianOf(rounds, key, 'adapter', figure)] as const;
    const [rawClient, adapterClient] = both('clientUs');
    const [rawServer, adapterServer] = both('serverUs');
    const [rawOther, adapterOther] = both('otherUs');
    const arrow = (raw: number, adapter: number, digits = 1) =>
      `${raw.toFixed(digits)} → ${adapter.toFixed(digits)}`;
    const rawRatio = normalisedClient(rounds, key, 'raw');
    const adapterRatio = normalisedClient(rounds, key, 'adapter');
    // How far apart the rounds were: the smallest and largest client-thread figure of each side.
    const spread = (side: Side) => {
      const values = rounds[side].map((timing) => timing[key][side].clientUs);
      return `${Math.min(...values).toFixed(0)}–${Math.max(...values).toFixed(0)}`;
    };
    console.log(
      `| ${label} | ${arrow(rawClient, adapterClient)} (rounds: ${spread('raw')} → ${spread('adapter')}) | ${percent(adapterClient, rawClient)} | ${arrow(rawServer, adapterServer)} | ${arrow(rawRatio, adapterRatio, 3)} | ${percent(adapterRatio, rawRatio)} | ${arrow(rawOther, adapterOther)} | ${percent(adapterClient + adapterServer + adapterOther, rawClient + rawServer + rawOther)} |`,
    );
  }
}

const title = (how: string): string =>
  `EventStoreDB adapter overhead on the stand-in server (${CLIENT}, ${PATH === 'batch' ? 'BatchAppend' : 'classic Append'}): ${EVENTS} events on ${STREAMS} streams a side, ${how}`;

/**
 * `--cpu`: each side in processes of its own (raw-only and adapter-only runs, taking turns), CPU
 * time per event, the median of the rounds. In one process the two sides share the JIT's
 * inline caches and the CPU caches, and each one's code slows the other's (measured: a one-event
 * append costs the adapter about 100 µs more client-thread CPU than the raw client when the two
 * alternate in one process, about 30 µs more when each runs alone).
 */
function compareInProcesses(): void {
  const rounds: Record<Side, Timing[]> = { raw: [], adapter: [] };
  const passed = args.filter((arg, i) => arg !== '--cpu' && args[i - 1] !== '--rounds' && arg !== '--rounds');
  for (let r = 0; r < ROUNDS; r++) {
    for (const side of r % 2 === 0 ? (['raw', 'adapter'] as const) : (['adapter', 'raw'] as const)) {
      const output = execFileSync(
        process.execPath,
        [...process.execArgv, __filename, ...passed, '--side', side, '--rounds', '1', '--json'],
        { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
      );
      rounds[side].push(JSON.parse(output.trim().split('\n').pop() ?? '') as Timing);
    }
  }
  console.log(title(`each side in a process of its own, median of ${ROUNDS} rounds`));
  if (args.includes('--print-rounds')) console.log(JSON.stringify(rounds));
  printCpu(rounds);
  printWallClock(rounds);
}

async function main(): Promise<void> {
  if (args.includes('--cpu')) return compareInProcesses();
  if (!threadCpuAvailable())
    console.error('(no per-thread CPU time here: /proc/<pid>/task/<thread>/schedstat)');
  const serverThreadId = threadCpuAvailable() ? await (await standInHost()).threadId() : undefined;
  await round(serverThreadId); // warm-up: module loading, JIT, the stand-in thread
  const measured: Timing[] = [];
  for (let r = 0; r < ROUNDS; r++) measured.push(perEvent(await round(serverThreadId)));
  await (await standInHost()).close();
  if (args.includes('--json')) {
    if (measured.length !== 1) throw new Error('--json gives one round');
    console.log(JSON.stringify(measured[0]));
    return;
  }
  const rounds = { raw: measured, adapter: measured };
  console.log(title(`taking turns in one process, median of ${ROUNDS} rounds`));
  printWallClock(rounds);
  if (serverThreadId !== undefined) printCpu(rounds);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
