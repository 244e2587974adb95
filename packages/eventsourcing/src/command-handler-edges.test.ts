// handleCommand at its edges: a no-op on no stream, a context given beside a resolver, what it
// asks the store, a store that gives back fewer events than it appended, and a handler with no actor.
import { right } from 'fp-ts/Either';
import { accountDecider } from './__tests__/account-decider';
import { createCommandHandler, handleCommand } from './command-handler';
import { createInMemoryEventStore } from './in-memory-store';
import type { AppendOptions, EventStore } from './store';
import { assertRight, collect } from './testing';

const actor = { role: 'adherent', userId: 'u-1' };
const context = { now: '2024-05-01T08:30:00.000Z' };

/** The in-memory store, recording the expected versions asked, giving back `keep` of the events appended. */
function spyStore(keep: 'all' | 'none' = 'all') {
  const store = createInMemoryEventStore();
  const expected: AppendOptions['expectedVersion'][] = [];
  const spy: EventStore = {
    ...store,
    async appendToStream(streamId, events, options) {
      expected.push(options?.expectedVersion);
      const result = await store.appendToStream(streamId, events, options);
      return keep === 'all' ? result : { ...result, events: [] };
    },
  };
  return { store: spy, expected };
}

/** Opens account acc-1 (command c-1): the history the edges below start from. */
async function openAccount(store: EventStore): Promise<void> {
  assertRight(
    await handleCommand(
      store,
      accountDecider,
      'acc-1',
      { kind: 'Open', owner: 'Ada' },
      { commandId: 'c-1', actor, context },
    ),
  );
}

describe('handleCommand edges', () => {
  it('creates nothing for a no-op on a stream that does not exist, and says it was not handled before', async () => {
    const { store, expected } = spyStore();
    const result = await handleCommand(
      store,
      accountDecider,
      'acc-0',
      { kind: 'Noop' },
      { commandId: 'c-0', actor, context },
    );
    expect(assertRight(result)).toEqual({
      streamId: 'acc-0',
      nextExpectedVersion: -1,
      events: [],
      state: { open: false, balance: 0 },
      alreadyHandled: false,
    });
    expect(expected).toEqual([]);
  });

  it("uses the context given, not the resolver's, when both are given", async () => {
    const { store } = spyStore();
    await openAccount(store);
    let resolved = 0;
    const result = await handleCommand(
      store,
      accountDecider,
      'acc-1',
      { kind: 'Deposit', amount: 5 },
      {
        commandId: 'c-2',
        actor,
        context,
        resolveContext: () => {
          resolved++;
          return Promise.resolve(right({ now: '1999-01-01T00:00:00.000Z' }));
        },
      },
    );
    expect(assertRight(result).events.map((e) => e.data)).toEqual([{ amount: 5, at: context.now }]);
    expect(resolved).toBe(0);
  });

  it("appends with 'no_stream' on a new stream, then with the version it read", async () => {
    const { store, expected } = spyStore();
    await openAccount(store);
    await handleCommand(
      store,
      accountDecider,
      'acc-1',
      { kind: 'Deposit', amount: 5 },
      { commandId: 'c-2', actor, context },
    );
    expect(expected).toEqual(['no_stream', 0]);
  });

  it('reads the events back when the store gives back fewer than it appended', async () => {
    const { store } = spyStore('none');
    await openAccount(store);
    const result = assertRight(
      await handleCommand(
        store,
        accountDecider,
        'acc-1',
        { kind: 'Deposit', amount: 5 },
        { commandId: 'c-2', actor, context },
      ),
    );
    expect(result.events).toEqual(await collect(store.readStream('acc-1', { fromVersion: 1 })));
    expect(result.events.map((e) => [e.version, e.type])).toEqual([[1, 'Deposited']]);
    expect(result.state).toEqual({ open: true, balance: 5 });
  });

  it('refuses to run a command with no actor in the defaults or the options', () => {
    const handle = createCommandHandler(createInMemoryEventStore(), accountDecider, { context });
    expect(() => handle('acc-1', { kind: 'Noop' }, { commandId: 'c-1' })).toThrow(
      new Error('handleCommand: an actor is required (in the defaults or the options)'),
    );
  });
});
