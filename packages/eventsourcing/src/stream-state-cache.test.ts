import { isRight } from 'fp-ts/Either';
import type { AccountCommand, AccountState } from './__tests__/account-decider';
import { accountDecider } from './__tests__/account-decider';
import { handleCommand } from './command-handler';
import type { RecordedEvent } from './events';
import { createInMemoryEventStore } from './in-memory-store';
import type { EventStore, ReadStreamOptions } from './store';
import type { StreamStateCache } from './stream-state-cache';
import { createStreamStateCache } from './stream-state-cache';
import { assertRight, collect } from './testing';

const actor = { role: 'adherent', userId: 'u-1' };
const context = { now: '2024-05-01T08:30:00.000Z' };

// The in-memory store with the events each stream read handed out counted, and where it started.
function countingReads(store: EventStore) {
  const reads: { fromVersion: number; events: number }[] = [];
  const counted: EventStore = {
    ...store,
    async *readStreamPages(streamId: string, options: ReadStreamOptions = {}) {
      const read = { fromVersion: options.fromVersion ?? 0, events: 0 };
      reads.push(read);
      for await (const page of store.readStreamPages!(streamId, options)) {
        read.events += page.length;
        yield page;
      }
    },
  };
  return { counted, reads };
}

function run(
  store: EventStore,
  cache: StreamStateCache<AccountState> | undefined,
  commandId: string,
  command: AccountCommand,
  streamId = 'account-1',
) {
  return handleCommand(store, accountDecider, streamId, command, {
    commandId,
    actor,
    context,
    stateCache: cache,
  });
}

describe('handleCommand with a stream state cache', () => {
  it('reads only the events after the state it cached, and decides on the same state', async () => {
    const { counted, reads } = countingReads(createInMemoryEventStore());
    const cache = createStreamStateCache<AccountState>();
    await run(counted, cache, 'c-open', { kind: 'Open', owner: 'Ada' });
    for (let i = 1; i <= 20; i++) await run(counted, cache, `c-dep-${i}`, { kind: 'Deposit', amount: 10 });
    const withdrawn = await run(counted, cache, 'c-w', { kind: 'Withdraw', amount: 150 });
    expect(assertRight(withdrawn).state).toEqual({ open: true, balance: 50 });
    // Each command after the first started where the previous one left the stream.
    expect(reads.map((r) => r.fromVersion)).toEqual(Array.from({ length: 22 }, (_, i) => i));
    expect(reads.slice(1).every((r) => r.events === 0)).toBe(true);
    expect(cache.get('account-1')).toMatchObject({ version: 21, state: { balance: 50 } });
  });

  it('folds what other writers appended since, and appends after it', async () => {
    const store = createInMemoryEventStore();
    const { counted, reads } = countingReads(store);
    const cache = createStreamStateCache<AccountState>();
    await run(counted, cache, 'c-open', { kind: 'Open', owner: 'Ada' });
    // Another process (no cache) deposits twice.
    await run(store, undefined, 'other-1', { kind: 'Deposit', amount: 30 });
    await run(store, undefined, 'other-2', { kind: 'Deposit', amount: 30 });
    const result = await run(counted, cache, 'c-w', { kind: 'Withdraw', amount: 60 });
    expect(assertRight(result).state.balance).toBe(0);
    expect(reads[reads.length - 1]).toEqual({ fromVersion: 1, events: 2 });
    expect((await collect(store.readStream('account-1'))).map((e) => e.version)).toEqual([0, 1, 2, 3]);
  });

  it('gives back the earlier outcome of a retried command, never applying it twice', async () => {
    const store = createInMemoryEventStore();
    const cache = createStreamStateCache<AccountState>();
    await run(store, cache, 'c-open', { kind: 'Open', owner: 'Ada' });
    const first = await run(store, cache, 'c-dep', { kind: 'Deposit', amount: 10 });
    await run(store, cache, 'c-dep-2', { kind: 'Deposit', amount: 5 });
    const retried = await run(store, cache, 'c-dep', { kind: 'Deposit', amount: 10 });
    expect(assertRight(retried).alreadyHandled).toBe(true);
    expect(assertRight(retried).events).toEqual(assertRight(first).events);
    expect(await collect(store.readStream('account-1'))).toHaveLength(3);
    // A command that was written but whose caller never heard back (no cache update) is found too.
    await store.appendToStream(
      'account-1',
      [{ type: 'Deposited', data: { amount: 1, at: context.now }, metadata: { commandId: 'c-lost', actor } }],
      { expectedVersion: 2 },
    );
    const lost = await run(store, cache, 'c-lost', { kind: 'Deposit', amount: 1 });
    expect(assertRight(lost).alreadyHandled).toBe(true);
    expect(await collect(store.readStream('account-1'))).toHaveLength(4);
  });

  it('remembers a refused command’s state, and recovers from a conflict with a concurrent writer', async () => {
    const store = createInMemoryEventStore();
    const cache = createStreamStateCache<AccountState>();
    await run(store, cache, 'c-open', { kind: 'Open', owner: 'Ada' });
    const refused = await run(store, cache, 'c-w', { kind: 'Withdraw', amount: 1 });
    expect(refused._tag).toBe('Left');
    // Two commands of one process on one stream at once: one of them conflicts and re-reads.
    const results = await Promise.all(
      Array.from({ length: 5 }, (_, i) => run(store, cache, `c-par-${i}`, { kind: 'Deposit', amount: 2 })),
    );
    expect(results.every(isRight)).toBe(true);
    const events: RecordedEvent[] = await collect(store.readStream('account-1'));
    expect(events).toHaveLength(6);
    expect(cache.get('account-1')).toMatchObject({ version: 5, state: { balance: 10 } });
  });

  it('keeps the most recently used streams up to its bound, and never goes back to an older state', () => {
    const cache = createStreamStateCache<number>({ maxStreams: 2 });
    const entry = (version: number) => ({ state: version, version, commandIds: new Set<string>() });
    cache.set('a', entry(1));
    cache.set('b', entry(1));
    cache.get('a');
    cache.set('c', entry(1));
    expect([cache.get('a')?.version, cache.get('b'), cache.get('c')?.version]).toEqual([1, undefined, 1]);
    cache.set('a', entry(5));
    cache.set('a', entry(3));
    expect(cache.get('a')?.version).toBe(5);
    expect(cache.size).toBe(2);
    expect(() => createStreamStateCache({ maxStreams: 0 })).toThrow(/maxStreams/);
  });

  it('keeps 10,000 streams by default, and refuses a bound that is not a positive integer, saying what it got', () => {
    const cache = createStreamStateCache<number>();
    for (let i = 0; i <= 10_000; i++)
      cache.set(`s-${i}`, { state: i, version: 0, commandIds: new Set<string>() });
    expect(cache.size).toBe(10_000);
    expect(cache.get('s-0')).toBeUndefined();
    expect(cache.get('s-1')?.state).toBe(1);
    cache.delete('s-1');
    expect([cache.get('s-1'), cache.size]).toEqual([undefined, 9_999]);
    for (const maxStreams of [0, 1.5, -3])
      expect(() => createStreamStateCache({ maxStreams })).toThrow(
        new Error(`createStreamStateCache: maxStreams must be a positive integer (got ${maxStreams})`),
      );
    expect(createStreamStateCache({ maxStreams: 1 }).size).toBe(0);
  });
});
