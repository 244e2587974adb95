/**
 * Stream reads only, one side alone in this process (the adapter's `readStream`, or the raw
 * client reading the same pages), against the stand-in: 2,000 events appended by that side,
 * then a warm-up pass and `--passes` measured passes over every stream, the measured ones under
 * V8's sampling profiler when `--profile <file>` is given. Compare two profiles with
 * profile-diff.ts (`--per` = passes × 2000): what the adapter adds per event read in the real
 * run, with the client's decoding between its steps.
 *
 *   npx tsx bench/eventstoredb/read-profile.ts --side adapter|raw [--client eventstoredb|kurrentdb]
 *     [--passes 10] [--profile file.cpuprofile]
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
const CLIENT = text('client', 'kurrentdb') as ClientKind;
const SIDE = text('side', 'adapter') as 'adapter' | 'raw';
const PASSES = Number(text('passes', '10'));
const PROFILE = text('profile', '');
const EVENTS = 2000;
const PAGE = 256;

const lib = clientLibrary(CLIENT);

async function main(): Promise<void> {
  const started = await startStandInStore({}, { client: CLIENT, server: { features: 'classic' } });
  const client = rawClient(CLIENT, lib, started.server.connectionString);
  for (let i = 0; i < EVENTS; i++) {
    const s = i % STREAMS;
    if (SIDE === 'adapter') {
      const event = { type: 'LineAdded', data: dataOf(i), metadata: { actor, commandId: randomUUID() } };
      await started.store.appendToStream(`a-dossier-${s}`, [event as EventToAppend]);
    } else {
      await client.appendToStream(
        `r-dossier-${s}`,
        lib.jsonEvent({ id: randomUUID(), type: 'LineAdded', data: dataOf(i), metadata: rawMetadata(i) }),
      );
    }
  }
  // As overhead.ts reads, on each side.
  const pass = async (): Promise<number> => {
    let read = 0;
    for (let s = 0; s < STREAMS; s++) {
      if (SIDE === 'adapter') {
        for await (const event of started.store.readStream(`a-dossier-${s}`, { batchSize: PAGE }))
          read += event ? 1 : 0;
        continue;
      }
      for (let from = 0n; ; ) {
        let got = 0;
        for await (const resolved of client.readStream(`r-dossier-${s}`, {
          fromRevision: from,
          maxCount: PAGE,
          direction: lib.FORWARDS,
        })) {
          got += 1;
          from = (resolved.event?.revision ?? from) + 1n;
        }
        read += got;
        if (got < PAGE) break;
      }
    }
    if (read !== EVENTS) throw new Error(`read ${read} of ${EVENTS}`);
    return read;
  };
  await pass();
  const before = process.cpuUsage();
  await withProfile(PROFILE, async () => {
    for (let p = 0; p < PASSES; p++) await pass();
  });
  const cpu = process.cpuUsage(before);
  console.log(
    `${SIDE}: ${((cpu.user + cpu.system) / (PASSES * EVENTS)).toFixed(2)} µs of process CPU per event read`,
  );
  await client.dispose();
  await started.dispose();
  await (await standInHost()).close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
