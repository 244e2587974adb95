/**
 * The EventStoreDB adapter's overhead: its append and read throughput against raw
 * `@eventstore/db-client` calls doing the same work (same events, same bytes on the wire, same
 * page size), in the same run, against the stand-in server (on its own thread, over loopback).
 *
 *   npx tsx bench/eventstoredb/overhead.ts [--events 2000] [--rounds 3]
 *
 * Rounds alternate adapter and raw, and the median round counts, so that a busy machine skews
 * both sides alike. What the adapter adds: validation, the hash chain (SHA-256 over canonical
 * JSON), metadata mapping, position encoding, the read pipeline.
 */
import { randomUUID } from 'node:crypto';
import type { EventStoreDBClient } from '../../packages/eventstoredb/node_modules/@eventstore/db-client';
import {
  FORWARDS,
  jsonEvent,
  NO_STREAM,
} from '../../packages/eventstoredb/node_modules/@eventstore/db-client';
import type { EventToAppend } from '../../packages/eventsourcing/src';
import { standInHost, startStandInStore } from '../../packages/eventstoredb/test/stand-in-harness';

const args = process.argv.slice(2);
const option = (name: string, fallback: number): number => {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? Number(args[index + 1]) : fallback;
};
const EVENTS = option('events', 2000);
const ROUNDS = option('rounds', 3);
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

type Timing = { appendMs: number; readStreamMs: number; readAllMs: number };

async function adapterRound(): Promise<Timing> {
  const started = await startStandInStore();
  try {
    const { store } = started;
    const versions = new Array<number>(STREAMS).fill(-1);
    let t = performance.now();
    for (let i = 0; i < EVENTS; i++) {
      const s = i % STREAMS;
      const event = {
        type: 'LineAdded',
        data: dataOf(i),
        metadata: { actor, commandId: randomUUID() },
      } as EventToAppend;
      const result = await store.appendToStream(`dossier-${s}`, [event], { expectedVersion: versions[s] });
      versions[s] = result.nextExpectedVersion;
    }
    const appendMs = performance.now() - t;
    t = performance.now();
    let read = 0;
    for (let s = 0; s < STREAMS; s++)
      for await (const event of store.readStream(`dossier-${s}`, { batchSize: PAGE })) read += event ? 1 : 0;
    const readStreamMs = performance.now() - t;
    if (read !== EVENTS) throw new Error(`adapter read ${read} events of ${EVENTS}`);
    t = performance.now();
    let all = 0;
    for await (const event of store.readAll({ batchSize: PAGE })) all += event ? 1 : 0;
    const readAllMs = performance.now() - t;
    if (all !== EVENTS) throw new Error(`adapter readAll gave ${all} events of ${EVENTS}`);
    return { appendMs, readStreamMs, readAllMs };
  } finally {
    await started.dispose();
  }
}

async function rawRound(): Promise<Timing> {
  const started = await startStandInStore();
  try {
    const client = started.client as unknown as EventStoreDBClient;
    const versions = new Array<bigint | typeof NO_STREAM>(STREAMS).fill(NO_STREAM);
    let t = performance.now();
    for (let i = 0; i < EVENTS; i++) {
      const s = i % STREAMS;
      const result = await client.appendToStream(
        `dossier-${s}`,
        jsonEvent({ id: randomUUID(), type: 'LineAdded', data: dataOf(i), metadata: rawMetadata(i) }),
        { expectedRevision: versions[s] },
      );
      versions[s] = result.nextExpectedRevision;
    }
    const appendMs = performance.now() - t;
    t = performance.now();
    let read = 0;
    for (let s = 0; s < STREAMS; s++) {
      // Same paging as the adapter: pages of PAGE events from the revision after the last one read.
      for (let from = 0n; ; ) {
        let got = 0;
        for await (const resolved of client.readStream(`dossier-${s}`, {
          fromRevision: from,
          maxCount: PAGE,
          direction: FORWARDS,
        })) {
          got += 1;
          from = (resolved.event?.revision ?? from) + 1n;
        }
        read += got;
        if (got < PAGE) break;
      }
    }
    const readStreamMs = performance.now() - t;
    if (read !== EVENTS) throw new Error(`raw read ${read} events of ${EVENTS}`);
    t = performance.now();
    let all = 0;
    let position: { commit: bigint; prepare: bigint } | 'start' = 'start';
    for (;;) {
      let got = 0;
      for await (const resolved of client.readAll({
        fromPosition: position,
        maxCount: PAGE + (position === 'start' ? 0 : 1),
      })) {
        const p = resolved.event?.position;
        if (position !== 'start' && p && p.commit === position.commit && p.prepare === position.prepare)
          continue;
        got += 1;
        if (!resolved.event?.streamId.startsWith('$')) all += 1;
        if (p) position = p;
      }
      if (got < PAGE) break;
    }
    const readAllMs = performance.now() - t;
    if (all !== EVENTS) throw new Error(`raw readAll gave ${all} events of ${EVENTS}`);
    return { appendMs, readStreamMs, readAllMs };
  } finally {
    await started.dispose();
  }
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function main(): Promise<void> {
  const adapter: Timing[] = [];
  const raw: Timing[] = [];
  await rawRound(); // warm-up: module loading, JIT, the stand-in thread
  for (let round = 0; round < ROUNDS; round++) {
    raw.push(await rawRound());
    adapter.push(await adapterRound());
  }
  const rows: [string, keyof Timing][] = [
    ['append (1 event, expected version)', 'appendMs'],
    [`readStream (pages of ${PAGE})`, 'readStreamMs'],
    [`readAll (pages of ${PAGE})`, 'readAllMs'],
  ];
  console.log(
    `EventStoreDB adapter overhead, stand-in server, ${EVENTS} events on ${STREAMS} streams, median of ${ROUNDS} rounds`,
  );
  console.log('| operation | raw client (events/s) | adapter (events/s) | overhead |');
  console.log('| --- | ---: | ---: | ---: |');
  for (const [label, key] of rows) {
    const rawRate = EVENTS / (median(raw.map((r) => r[key])) / 1000);
    const adapterRate = EVENTS / (median(adapter.map((r) => r[key])) / 1000);
    const overhead = (rawRate / adapterRate - 1) * 100;
    console.log(`| ${label} | ${rawRate.toFixed(0)} | ${adapterRate.toFixed(0)} | ${overhead.toFixed(1)}% |`);
  }
  await (await standInHost()).close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
