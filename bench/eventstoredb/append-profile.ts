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
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { randomUUID } from 'node:crypto';
import * as path from 'node:path';
import type { EventStoreDBClient } from '../../packages/eventstoredb/node_modules/@eventstore/db-client';
import type { EventToAppend } from '../../packages/eventsourcing/src';
import { standInHost, startStandInStore } from '../../packages/eventstoredb/test/stand-in-harness';
import type { ClientKind } from '../../packages/eventstoredb/test/test-clients';
import { actor, dataOf, rawMetadata, STREAMS } from './bench-events';

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

const packageDir = path.resolve(__dirname, '../../packages/eventstoredb');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const lib = require(
  require.resolve(CLIENT === 'kurrentdb' ? '@kurrent/kurrentdb-client' : '@eventstore/db-client', {
    paths: [packageDir],
  }),
) as typeof import('../../packages/eventstoredb/node_modules/@eventstore/db-client');

async function round(label: string): Promise<void> {
  const started = await startStandInStore({}, { client: CLIENT, server: { features: PATH } });
  const url = started.server.connectionString;
  const client = (
    CLIENT === 'kurrentdb'
      ? (
          lib as unknown as { KurrentDBClient: { connectionString(url: string): EventStoreDBClient } }
        ).KurrentDBClient.connectionString(url.replace(/^esdb:/, 'kurrentdb:'))
      : lib.EventStoreDBClient.connectionString(url)
  ) as EventStoreDBClient;
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
  const session = new Session();
  const post = <T>(method: string, params: object = {}) =>
    new Promise<T>((resolve, reject) =>
      session.post(method, params, (error, result) => (error ? reject(error) : resolve(result as T))),
    );
  if (PROFILE) {
    session.connect();
    await post('Profiler.enable');
    await post('Profiler.setSamplingInterval', { interval: 100 });
    await post('Profiler.start');
  }
  await round('measured');
  if (PROFILE) {
    const { profile } = await post<{ profile: unknown }>('Profiler.stop');
    writeFileSync(PROFILE, JSON.stringify(profile));
    session.disconnect();
  }
  await (await standInHost()).close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
