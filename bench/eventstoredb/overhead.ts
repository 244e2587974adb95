/**
 * The EventStoreDB adapter's overhead: its append and read throughput against raw client calls
 * doing the same work (same events, same bytes on the wire, same page size), in the same run,
 * against the stand-in server (on its own thread, over loopback), on one client and one append
 * path (a process loads only one client: their protobuf classes share globals).
 *
 *   npx tsx bench/eventstoredb/overhead.ts [--client eventstoredb|kurrentdb] [--path batch|classic]
 *     [--events 2000] [--rounds 3]
 *
 * The two sides take turns in small blocks on one server and the median of the rounds counts,
 * so that a busy machine slows both alike. What the adapter adds: validation, the hash chain (SHA-256 over canonical
 * JSON), metadata mapping, position encoding, the read pipeline.
 */
import { randomUUID } from 'node:crypto';
import * as path from 'node:path';
import type {
  AllStreamResolvedEvent,
  EventStoreDBClient,
} from '../../packages/eventstoredb/node_modules/@eventstore/db-client';
import type { EventToAppend } from '../../packages/eventsourcing/src';
import { standInHost, startStandInStore } from '../../packages/eventstoredb/test/stand-in-harness';
import type { ClientKind } from '../../packages/eventstoredb/test/test-clients';

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

const STREAMS = 50;
const PAGE = 256;

const actor = { role: 'adherent', userId: 'user-1', siret: '12345678900011' };
const dataOf = (i: number) => ({
  dossierId: `d-${i % STREAMS}`,
  line: i,
  label: 'Carte de formation',
  amountCents: 12_000,
});

// The raw side sends metadata of the same shape and size as the adapter's (hashes included).
function rawMetadata(version: number) {
  return {
    actor,
    commandId: randomUUID(),
    correlationId: null,
    causationId: null,
    schemaVersion: 1,
    occurredAt: new Date().toISOString(),
    prevHash: 'f'.repeat(64),
    hash: 'e'.repeat(64),
    recordedAt: new Date().toISOString(),
    version,
  };
}

type Side = 'adapter' | 'raw';
type Timing = Record<'appendMs' | 'readStreamMs' | 'readAllMs', Record<Side, number>>;

// One server, one client; the adapter writes `a-dossier-*`, the raw client `r-dossier-*`. The two
// sides take turns in small blocks, so that a busy machine slows both alike.
async function round(): Promise<Timing> {
  const started = await startStandInStore({}, { client: CLIENT, server: { features: PATH } });
  // A raw client of the same kind on the same server.
  const client = (
    CLIENT === 'kurrentdb'
      ? (
          lib as unknown as { KurrentDBClient: { connectionString(url: string): Raw } }
        ).KurrentDBClient.connectionString(started.server.connectionString.replace(/^esdb:/, 'kurrentdb:'))
      : lib.EventStoreDBClient.connectionString(started.server.connectionString)
  ) as Raw;
  const timing: Timing = {
    appendMs: { adapter: 0, raw: 0 },
    readStreamMs: { adapter: 0, raw: 0 },
    readAllMs: { adapter: 0, raw: 0 },
  };
  try {
    const { store } = started;
    const adapterVersions = new Array<number>(STREAMS).fill(-1);
    const rawRevisions = new Array<bigint | typeof NO_STREAM>(STREAMS).fill(NO_STREAM);
    const BLOCK = 50;
    const adapterBlock = async (block: number): Promise<void> => {
      const t = performance.now();
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
      timing.appendMs.adapter += performance.now() - t;
    };
    const rawBlock = async (block: number): Promise<void> => {
      const t = performance.now();
      for (let i = block; i < block + BLOCK; i++) {
        const s = i % STREAMS;
        const result = await client.appendToStream(
          `r-dossier-${s}`,
          jsonEvent({ id: randomUUID(), type: 'LineAdded', data: dataOf(i), metadata: rawMetadata(i) }),
          expectedOption(rawRevisions[s]),
        );
        rawRevisions[s] = result.nextExpectedRevision;
      }
      timing.appendMs.raw += performance.now() - t;
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
      let t = performance.now();
      for await (const event of store.readStream(`a-dossier-${s}`, { batchSize: PAGE }))
        adapterRead += event ? 1 : 0;
      timing.readStreamMs.adapter += performance.now() - t;
      t = performance.now();
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
      timing.readStreamMs.raw += performance.now() - t;
    }
    if (adapterRead !== EVENTS || rawRead !== EVENTS)
      throw new Error(`read ${adapterRead}/${rawRead} of ${EVENTS}`);
    for (let pass = 0; pass < 3; pass++) {
      let t = performance.now();
      let all = 0;
      for await (const event of store.readAll({ batchSize: PAGE })) all += event ? 1 : 0;
      timing.readAllMs.adapter += performance.now() - t;
      if (all !== 2 * EVENTS) throw new Error(`adapter readAll gave ${all} events of ${2 * EVENTS}`);
      t = performance.now();
      all = 0;
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
      timing.readAllMs.raw += performance.now() - t;
      if (all !== 2 * EVENTS) throw new Error(`raw readAll gave ${all} events of ${2 * EVENTS}`);
    }
    return timing;
  } finally {
    await client.dispose();
    await started.dispose();
  }
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function main(): Promise<void> {
  await round(); // warm-up: module loading, JIT, the stand-in thread
  const rounds: Timing[] = [];
  for (let r = 0; r < ROUNDS; r++) rounds.push(await round());
  const rows: [string, keyof Timing, number][] = [
    ['append (1 event, expected version)', 'appendMs', EVENTS],
    [`readStream (pages of ${PAGE})`, 'readStreamMs', EVENTS],
    [`readAll (pages of ${PAGE})`, 'readAllMs', 3 * 2 * EVENTS],
  ];
  console.log(
    `EventStoreDB adapter overhead on the stand-in server (${CLIENT}, ${PATH === 'batch' ? 'BatchAppend' : 'classic Append'}): ${EVENTS} events on ${STREAMS} streams a side, median of ${ROUNDS} rounds`,
  );
  console.log('| operation | raw client (events/s) | adapter (events/s) | overhead |');
  console.log('| --- | ---: | ---: | ---: |');
  for (const [label, key, count] of rows) {
    const rawRate = count / (median(rounds.map((r) => r[key].raw)) / 1000);
    const adapterRate = count / (median(rounds.map((r) => r[key].adapter)) / 1000);
    const overhead = (rawRate / adapterRate - 1) * 100;
    console.log(`| ${label} | ${rawRate.toFixed(0)} | ${adapterRate.toFixed(0)} | ${overhead.toFixed(1)}% |`);
  }
  await (await standInHost()).close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
