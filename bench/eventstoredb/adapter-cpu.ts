/**
 * The EventStoreDB adapter's own CPU time per operation, on a client stub that answers at once:
 * what the adapter adds to each call whatever the network and the machine's load (validation,
 * hash chain, metadata mapping, positions, the read pipeline). Process CPU time, so a busy
 * machine stretches it far less than wall-clock time.
 *
 *   npx tsx bench/eventstoredb/adapter-cpu.ts [--appends 20000]
 */
import type { EventToAppend } from '../../packages/eventsourcing/src';
import { createStoreOnCalls } from '../../packages/eventstoredb/src';
import type { ClientCalls, WireRecord } from '../../packages/eventstoredb/src';

const args = process.argv.slice(2);
const index = args.indexOf('--appends');
const APPENDS = index >= 0 ? Number(args[index + 1]) : 20_000;
const STREAMS = 50;
const actor = { role: 'adherent', userId: 'user-1', siret: '12345678900011' };

// What a server would hold, kept by the stub as the wire records it sends back.
const streams = new Map<string, WireRecord[]>();
let log = 1000n;
const stub: ClientCalls = {
  async append(streamName, events) {
    const stream = streams.get(streamName) ?? [];
    streams.set(streamName, stream);
    for (const event of events) {
      log += 300n;
      stream.push({
        streamName,
        revision: stream.length,
        id: event.id,
        type: event.type,
        // As given: the stub's own work stays out of the append's figure (the metadata's JSON
        // is parsed when read, as a client does).
        data: event.data,
        isJson: true,
        metadata: event.metadataJson,
        created: new Date(),
        position: { commit: log, prepare: log },
      });
    }
    const last = stream[stream.length - 1];
    return { nextRevision: last.revision, position: last.position };
  },
  async readStream(streamName, options) {
    const stream = streams.get(streamName) ?? [];
    const from = options.from === 'start' ? 0 : options.from === 'end' ? stream.length - 1 : options.from;
    const page =
      options.direction === 'forwards'
        ? stream.slice(from, from + options.maxCount)
        : stream.slice(Math.max(0, from - options.maxCount + 1), from + 1).reverse();
    return page.map((record) => ({ ...record, metadata: JSON.parse(record.metadata as string) as unknown }));
  },
  async readAll() {
    return [];
  },
  subscribeToAll() {
    throw new Error('not in this benchmark');
  },
  async setMaxCount() {},
  isTransient: () => false,
};

async function main(): Promise<void> {
  const store = createStoreOnCalls(stub);
  const versions = new Array<number>(STREAMS).fill(-1);
  const cpu = (): number => {
    const usage = process.cpuUsage();
    return usage.user + usage.system;
  };
  for (let pass = 0; pass < 3; pass++) {
    versions.fill(-1);
    let t = cpu();
    for (let i = 0; i < APPENDS; i++) {
      const s = i % STREAMS;
      const event = {
        type: 'LineAdded',
        data: { dossierId: `d-${s}`, line: i, label: 'Carte de formation', amountCents: 12_000 },
        metadata: { actor, commandId: `c-${pass}-${i}` },
      } as EventToAppend;
      const result = await store.appendToStream(`p${pass}-dossier-${s}`, [event], {
        expectedVersion: versions[s],
      });
      versions[s] = result.nextExpectedVersion;
    }
    const appendUs = (cpu() - t) / APPENDS;
    t = cpu();
    let read = 0;
    for (let s = 0; s < STREAMS; s++)
      for await (const event of store.readStream(`p${pass}-dossier-${s}`)) read += event ? 1 : 0;
    const readUs = (cpu() - t) / read;
    console.log(
      `pass ${pass + 1}: ${appendUs.toFixed(1)} µs CPU per one-event append, ${readUs.toFixed(1)} µs per event read (readStream)`,
    );
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
