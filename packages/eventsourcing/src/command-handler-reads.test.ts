import { isRight } from 'fp-ts/Either';
import { accountDecider } from './__tests__/account-decider';
import { handleCommand } from './command-handler';
import { createInMemoryEventStore } from './in-memory-store';
import type { EventStore } from './store';
import { collect } from './testing';

const actor = { role: 'adherent', userId: 'u-1' };
const context = { now: '2024-05-01T08:30:00.000Z' };

// A store seen through the required methods only (no pages, no events in the append result),
// counting the reads it serves.
function plainStore(store: EventStore) {
  const reads = { stream: 0, pages: 0 };
  const plain: EventStore = {
    appendToStream: async (...args) => {
      const { nextExpectedVersion, globalPosition } = await store.appendToStream(...args);
      return { nextExpectedVersion, globalPosition };
    },
    readStream: (...args) => {
      reads.stream++;
      return store.readStream(...args);
    },
    readAll: (...args) => store.readAll(...args),
    subscribe: (...args) => store.subscribe(...args),
    close: () => store.close(),
  };
  return { plain, reads };
}

// The same store with its page-wise read counted.
function countingPages(store: EventStore) {
  const reads = { stream: 0, pages: 0 };
  const counted: EventStore = {
    ...store,
    readStream: (...args) => {
      reads.stream++;
      return store.readStream(...args);
    },
    readStreamPages: (...args) => {
      reads.pages++;
      return store.readStreamPages!(...args);
    },
  };
  return { counted, reads };
}

async function run(store: EventStore) {
  const outcomes = [];
  for (const [commandId, command] of [
    ['open', { kind: 'Open', owner: 'Ada' }],
    ['dep-1', { kind: 'Deposit', amount: 30 }],
    ['dep-2', { kind: 'Deposit', amount: 12 }],
  ] as const) {
    const result = await handleCommand(store, accountDecider, 'acc-1', command, {
      commandId,
      actor,
      context,
      occurredAt: '2024-05-01T09:00:00.000Z',
    });
    if (!isRight(result)) throw new Error(`${commandId} refused`);
    outcomes.push(result.right);
  }
  return outcomes;
}

describe('handleCommand reads', () => {
  it('reads the stream once per command, in pages, and folds what the append returned', async () => {
    const { counted, reads } = countingPages(createInMemoryEventStore());
    const outcomes = await run(counted);
    expect(reads).toEqual({ stream: 0, pages: 3 });
    const last = outcomes[2];
    expect(last.state).toEqual({ open: true, balance: 42 });
    expect(last.events).toEqual((await collect(counted.readStream('acc-1'))).slice(2));
  });

  it('gives the same outcomes on a store without pages nor appended events (it reads them back)', async () => {
    // One clock for both: the hash covers when each event was recorded.
    const clock = () => new Date('2024-05-01T09:00:01.000Z');
    const { plain, reads } = plainStore(createInMemoryEventStore({ clock }));
    const viaPlain = await run(plain);
    // One read to load, one to read back what was appended, per command.
    expect(reads.stream).toBe(6);
    const viaPages = await run(createInMemoryEventStore({ clock }));
    const shape = (outcome: (typeof viaPlain)[number]) => ({
      ...outcome,
      events: outcome.events.map(({ type, data, version, streamId, metadata }) => ({
        type,
        data,
        version,
        streamId,
        hash: metadata.hash,
      })),
    });
    expect(viaPlain.map(shape)).toEqual(viaPages.map(shape));
  });
});
