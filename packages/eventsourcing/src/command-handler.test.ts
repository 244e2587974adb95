import { isLeft, isRight, left, right } from 'fp-ts/Either';
import type { AccountCommand } from './__tests__/account-decider';
import { accountDecider } from './__tests__/account-decider';
import { createCommandHandler, handleCommand } from './command-handler';
import { ConcurrencyError, DeciderBugError } from './errors';
import { createInMemoryEventStore } from './in-memory-store';
import { commandEventId } from './name-based-uuid';
import { NO_CHANGE_EVENT_TYPE } from './no-change-marker';
import type { EventStore } from './store';
import { assertLeft, assertRight, collect } from './testing';

const actor = { role: 'adherent', userId: 'u-1' };
const context = { now: '2024-05-01T08:30:00.000Z' };
const options = (commandId: string, extra = {}) => ({ commandId, actor, context, ...extra });

// Counts appends and conflicts going through to the real store.
function counting(store: EventStore) {
  const counts = { appends: 0, conflicts: 0 };
  const wrapped: EventStore = {
    ...store,
    readStream: (...args) => store.readStream(...args),
    readAll: (...args) => store.readAll(...args),
    subscribe: (...args) => store.subscribe(...args),
    close: () => store.close(),
    async appendToStream(...args) {
      counts.appends++;
      try {
        return await store.appendToStream(...args);
      } catch (error) {
        if (error instanceof ConcurrencyError) counts.conflicts++;
        throw error;
      }
    },
  };
  return { store: wrapped, counts };
}

async function open(store: EventStore, streamId = 'acc-1') {
  const result = await handleCommand(
    store,
    accountDecider,
    streamId,
    { kind: 'Open', owner: 'Ada' },
    options('open'),
  );
  if (isLeft(result)) throw new Error('could not open');
}

describe('handleCommand', () => {
  it('folds the stream, decides and appends with the metadata of the command', async () => {
    const store = createInMemoryEventStore();
    await open(store);
    const result = await handleCommand(
      store,
      accountDecider,
      'acc-1',
      { kind: 'Deposit', amount: 100 },
      options('dep-1', { correlationId: 'corr-9', occurredAt: '2024-05-01T09:00:00.000Z' }),
    );
    expect(assertRight(result)).toMatchObject({
      streamId: 'acc-1',
      nextExpectedVersion: 1,
      state: { open: true, balance: 100 },
      alreadyHandled: false,
      events: [{ type: 'Deposited', data: { amount: 100, at: context.now }, version: 1 }],
    });
    const [, deposited] = await collect(store.readStream('acc-1'));
    expect(deposited.eventId).toBe(commandEventId('acc-1', 'dep-1', 0));
    expect(deposited.metadata).toMatchObject({
      actor,
      commandId: 'dep-1',
      correlationId: 'corr-9',
      causationId: 'dep-1',
      schemaVersion: 2,
      occurredAt: '2024-05-01T09:00:00.000Z',
    });
  });

  it('appends with no_stream on a new stream', async () => {
    const { store, counts } = counting(createInMemoryEventStore());
    await Promise.all([open(store), open(store, 'acc-2')]);
    const second = await handleCommand(
      store,
      accountDecider,
      'acc-1',
      { kind: 'Open', owner: 'Bob' },
      options('open-2'),
    );
    expect(assertLeft(second)).toMatchObject({ code: 'ALREADY_OPEN' });
    expect(counts.appends).toBe(2);
  });

  it('R-36 idempotency: the same command id twice appends once and returns the same outcome', async () => {
    const { store, counts } = counting(createInMemoryEventStore());
    await open(store);
    const command: AccountCommand = { kind: 'Deposit', amount: 40 };
    const first = await handleCommand(store, accountDecider, 'acc-1', command, options('dep-1'));
    const again = await handleCommand(store, accountDecider, 'acc-1', command, options('dep-1'));
    expect(counts.appends).toBe(2);
    expect(assertRight(again).alreadyHandled).toBe(true);
    expect(assertRight(again).events).toEqual(assertRight(first).events);
    expect((await collect(store.readStream('acc-1'))).map((e) => e.type)).toEqual([
      'AccountOpened',
      'Deposited',
    ]);
  });

  it('R-36 idempotency: the same command sent twice at once still applies once', async () => {
    const store = createInMemoryEventStore();
    await open(store);
    const command: AccountCommand = { kind: 'Deposit', amount: 40 };
    const results = await Promise.all([
      handleCommand(store, accountDecider, 'acc-1', command, options('dep-1')),
      handleCommand(store, accountDecider, 'acc-1', command, options('dep-1')),
    ]);
    expect(results.map((r) => assertRight(r).alreadyHandled).sort()).toEqual([false, true]);
    expect(await collect(store.readStream('acc-1'))).toHaveLength(2);
  });

  it('re-reads and re-decides after a conflict: two racing handlers both succeed, nothing lost', async () => {
    const { store, counts } = counting(createInMemoryEventStore());
    await open(store);
    const results = await Promise.all(
      [10, 20, 30].map((amount, i) =>
        handleCommand(store, accountDecider, 'acc-1', { kind: 'Deposit', amount }, options(`dep-${i}`)),
      ),
    );
    expect(results.every(isRight)).toBe(true);
    expect(counts.conflicts).toBeGreaterThan(0);
    const events = await collect(store.readStream('acc-1'));
    expect(events.map((e) => e.version)).toEqual([0, 1, 2, 3]);
    const balances = results.map((r) => (isRight(r) ? r.right.state.balance : -1));
    expect(Math.max(...balances)).toBe(60);
  });

  it('re-decides on the new state: a withdrawal that no longer fits is refused after the conflict', async () => {
    const store = createInMemoryEventStore();
    await open(store);
    await handleCommand(store, accountDecider, 'acc-1', { kind: 'Deposit', amount: 100 }, options('dep'));
    const results = await Promise.all([
      handleCommand(store, accountDecider, 'acc-1', { kind: 'Withdraw', amount: 70 }, options('w-1')),
      handleCommand(store, accountDecider, 'acc-1', { kind: 'Withdraw', amount: 70 }, options('w-2')),
    ]);
    expect(results.filter(isRight)).toHaveLength(1);
    expect(results.filter(isLeft).map((r) => assertLeft(r))).toMatchObject([{ code: 'INSUFFICIENT_FUNDS' }]);
  });

  it('gives up after maxRetries conflicts with Left(ConcurrencyError)', async () => {
    const inner = createInMemoryEventStore();
    await open(inner);
    let attempts = 0;
    const store: EventStore = {
      ...inner,
      readStream: (...args) => inner.readStream(...args),
      async appendToStream(streamId) {
        attempts++;
        throw new ConcurrencyError(streamId, 0, 7);
      },
    };
    const result = await handleCommand(
      store,
      accountDecider,
      'acc-1',
      { kind: 'Deposit', amount: 1 },
      options('d', { maxRetries: 2 }),
    );
    expect(attempts).toBe(3);
    expect(assertLeft(result)).toBeInstanceOf(ConcurrencyError);
  });

  it('resolves the context from the state again on each attempt', async () => {
    const store = createInMemoryEventStore();
    await open(store);
    const seen: number[] = [];
    const result = await handleCommand(
      store,
      accountDecider,
      'acc-1',
      { kind: 'Deposit', amount: 5 },
      {
        commandId: 'd',
        actor,
        resolveContext: async (state) => {
          seen.push(state.balance);
          if (seen.length === 1) {
            await handleCommand(
              store,
              accountDecider,
              'acc-1',
              { kind: 'Deposit', amount: 1 },
              options('other'),
            );
          }
          return right({ now: `2024-01-0${seen.length}T00:00:00.000Z` });
        },
      },
    );
    expect(seen).toEqual([0, 1]);
    expect(assertRight(result).events[0].data).toEqual({
      amount: 5,
      at: '2024-01-02T00:00:00.000Z',
    });
  });

  it('returns Left and appends nothing when the decider refuses', async () => {
    const { store, counts } = counting(createInMemoryEventStore());
    const result = await handleCommand(
      store,
      accountDecider,
      'acc-1',
      { kind: 'Withdraw', amount: 1 },
      options('w'),
    );
    expect(assertLeft(result)).toMatchObject({
      code: 'NOT_OPEN',
      message: "Le compte n'est pas ouvert.",
    });
    expect(counts.appends).toBe(0);
    expect(await collect(store.readAll())).toEqual([]);
  });

  it('returns the Left of resolveContext as is, without deciding or appending', async () => {
    const { store, counts } = counting(createInMemoryEventStore());
    await open(store);
    const refusal = { code: 'NO_RATE', message: 'Aucun taux de change pour ce jour.' };
    const result = await handleCommand(
      store,
      accountDecider,
      'acc-1',
      { kind: 'Deposit', amount: 5 },
      {
        commandId: 'd',
        actor,
        resolveContext: async () => left(refusal),
      },
    );
    expect(assertLeft(result)).toBe(refusal);
    expect(counts.appends).toBe(1); // the opening only
    expect(await collect(store.readStream('acc-1'))).toHaveLength(1);
  });

  it('reports a decider that throws as a DeciderBugError carrying the command', async () => {
    const store = createInMemoryEventStore();
    await open(store);
    const error = await handleCommand(
      store,
      accountDecider,
      'acc-1',
      { kind: 'Explode' },
      options('x'),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DeciderBugError);
    expect(error).toMatchObject({ streamId: 'acc-1', command: { kind: 'Explode' } });
    expect((error as Error).message).toContain('kaboom');
    expect(await collect(store.readStream('acc-1'))).toHaveLength(1);
  });

  it('R-36 succeeds with no event when the decider produces none, recording only its no-change marker', async () => {
    const { store, counts } = counting(createInMemoryEventStore());
    await open(store);
    const result = await handleCommand(store, accountDecider, 'acc-1', { kind: 'Noop' }, options('n'));
    expect(assertRight(result)).toMatchObject({
      events: [],
      nextExpectedVersion: 1,
      alreadyHandled: false,
      state: { open: true, balance: 0 },
    });
    expect(counts.appends).toBe(2);
    const [, marker] = await collect(store.readStream('acc-1'));
    expect(marker).toMatchObject({ type: NO_CHANGE_EVENT_TYPE, data: {}, metadata: { commandId: 'n' } });
  });

  it('writes nothing for a command that changes nothing on a stream that does not exist', async () => {
    const store = createInMemoryEventStore();
    const result = await handleCommand(store, accountDecider, 'acc-0', { kind: 'Noop' }, options('n'));
    expect(assertRight(result)).toMatchObject({ events: [], nextExpectedVersion: -1 });
    expect(await collect(store.readAll())).toHaveLength(0);
  });
});

describe('createCommandHandler', () => {
  it('binds store, decider and defaults', async () => {
    const store = createInMemoryEventStore();
    const handle = createCommandHandler(store, accountDecider, { actor, context });
    await handle('acc-9', { kind: 'Open', owner: 'Ada' }, { commandId: 'o' });
    const result = await handle('acc-9', { kind: 'Deposit', amount: 3 }, { commandId: 'd' });
    expect(assertRight(result).state).toEqual({ open: true, balance: 3 });
  });
});
