/**
 * One-event appends only, one side alone in this process (the adapter, or the raw client sending
 * the same bytes), against the stand-in: a warm-up round, then a measured round whose CPU
 * profile (main thread, V8's sampling profiler) is written to `--profile <file>` when given.
 * Two profiles, one per side, compared function by function, show where the adapter's extra
 * CPU per append goes in the real run, with the client's gRPC and protobuf work between its
 * steps (docs/benchmarks.md, EventStoreDB section).
 *
 *   npx tsx bench/eventstoredb/append-profile.ts --side adapter|raw [--client eventstoredb|kurrentdb]
 *     [--path batch|classic] [--events 8000] [--profile file.cpuprofile]
 */
import { randomUUID } from 'node:crypto';
import type { EventToAppend } from '../../packages/eventsourcing/src';
import { standInHost, startStandInStore } from '../../packages/eventstoredb/test/stand-in-harness';
import type { ClientKind } from '../../packages/eventstoredb/test/test-clients';
import { actor, dataOf, rawMetadata, STREAMS } from './bench-events';
import { clientLibrary, rawClient, withProfile } from './sampling-profile';

const args = process.argv.slice(2);
const text = (name: string, fallback: string): string => {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? args[index + 1] : fallback;
};
const CLIENT = text('client', 'eventstoredb') as ClientKind;
const PATH = text('path', 'batch') as 'batch' | 'classic';
const SIDE = text('side', 'adapter') as 'adapter' | 'raw';
const EVENTS = Number(text('events', '8000'));
const PROFILE = text('profile', '');

const lib = clientLibrary(CLIENT);

async function round(label: string): Promise<void> {
  const started = await startStandInStore({}, { client: CLIENT, server: { features: PATH } });
  const client = rawClient(CLIENT, lib, started.server.connectionString);
  const versions = new Array<number>(STREAMS).fill(-1);
  const revisions = new Array<bigint | typeof lib.NO_STREAM>(STREAMS).fill(lib.NO_STREAM);
  const before = process.cpuUsage();
  for (let i = 0; i < EVENTS; i++) {
    const s = i % STREAMS;
    if (SIDE === 'adapter') {
      const event = { type: 'LineAdded', data: dataOf(i), metadata: { actor, commandId: randomUUID() } };
      const result = await started.store.appendToStream(`a-dossier-${s}`, [event as EventToAppend], {
        expectedVersion: versions[s],
      });
      versions[s] = result.nextExpectedVersion;
    } else {
      const expected = revisions[s];
      const result = await client.appendToStream(
        `r-dossier-${s}`,
        lib.jsonEvent({ id: randomUUID(), type: 'LineAdded', data: dataOf(i), metadata: rawMetadata(i) }),
        (CLIENT === 'kurrentdb' ? { streamState: expected } : { expectedRevision: expected }) as never,
      );
      revisions[s] = result.nextExpectedRevision;
    }
  }
  const cpu = process.cpuUsage(before);
  console.log(
    `${label}, ${SIDE}: ${((cpu.user + cpu.system) / EVENTS).toFixed(1)} µs of process CPU per append`,
  );
  await client.dispose();
  await started.dispose();
}

async function main(): Promise<void> {
  await round('warm-up');
  await withProfile(PROFILE, () => round('measured'));
  await (await standInHost()).close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
