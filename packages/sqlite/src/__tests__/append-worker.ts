/**
 * A separate process for the multi-process tests: opens the store file given on the command
 * line, waits until every worker is up (each announces itself with an event on `ready-<name>`),
 * then appends `count` events, one per append, to its own stream and to a stream shared with
 * the other workers (with the expected version it read, retrying on a conflict).
 *
 *   tsx append-worker.ts <file> <workerName> <count> <workerCount>
 *
 * Prints {"worker": name, "conflicts": n} on success.
 */
import { ConcurrencyError, type EventStore } from '@cartes-badges/eventsourcing';
import { createSqliteEventStore } from '../sqlite-store';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

async function main(): Promise<void> {
  const [file, worker, countText, workersText] = process.argv.slice(2);
  const count = Number(countText);
  const store = createSqliteEventStore({ path: file, busyTimeoutMs: 10_000 });
  let conflicts = 0;
  try {
    await store.appendToStream(`ready-${worker}`, [{ type: 'WorkerReady', data: { worker } }]);
    while ((await countEvents(store, 'ready-')) < Number(workersText)) await sleep(5);
    for (let n = 0; n < count; n++) {
      await store.appendToStream(`own-${worker}`, [{ type: 'Written', data: { worker, n } }]);
      for (;;) {
        const version = await lastVersion(store, 'shared');
        // Leave the other process time to commit between our read and our append: the
        // expected-version check across processes is what is under test.
        await sleep(1);
        try {
          await store.appendToStream('shared', [{ type: 'Shared', data: { worker, n } }], {
            expectedVersion: version,
          });
          break;
        } catch (error) {
          if (!(error instanceof ConcurrencyError)) throw error;
          conflicts++;
        }
      }
    }
  } finally {
    await store.close();
  }
  process.stdout.write(JSON.stringify({ worker, conflicts }) + '\n');
}

async function countEvents(store: EventStore, streamPrefix: string): Promise<number> {
  let count = 0;
  for await (const _ of store.readAll({ filter: { streamPrefix } })) count++;
  return count;
}

async function lastVersion(store: EventStore, streamId: string): Promise<number | 'no_stream'> {
  for await (const event of store.readStream(streamId, { direction: 'backwards', maxCount: 1 })) {
    return event.version;
  }
  return 'no_stream';
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
