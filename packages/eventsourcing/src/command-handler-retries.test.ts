import type { Either } from 'fp-ts/Either';
import { left, right } from 'fp-ts/Either';
import { aggregateStream, replayStream } from './aggregate-stream';
import { handleCommand } from './command-handler';
import type { HandleCommandOptions } from './command';
import type { Decider } from './decider';
import { CommandIdReusedError } from './errors';
import type { RecordedEvent } from './events';
import { createInMemoryEventStore } from './in-memory-store';
import { createInMemoryProjectionTarget } from './in-memory-projection-target';
import { commandEventId } from './name-based-uuid';
import { NO_CHANGE_EVENT_TYPE } from './no-change-marker';
import { defineProjection } from './projection';
import { runProjectionOnce, startProjection } from './projection-runner';
import type { EventStore } from './store';
import { createStreamStateCache } from './stream-state-cache';
import { assertLeft, assertRight, collect } from './testing';

// A register: `Set` writes its value unless the register already holds it (then a no-op).
type RegisterEvent = { type: 'ValueSet'; data: { value: string } };
type RegisterCommand = { kind: 'Set'; value: string };
interface Refusal {
  readonly code: 'NOT_YOURS';
}
const register: Decider<RegisterCommand, RegisterEvent, string | null, undefined, Refusal> = {
  initialState: () => null,
  evolve: (_state, event) => {
    // Strict on purpose: anything but its own event is a bug of whoever fed it.
    if (event.type !== 'ValueSet') throw new Error(`evolve got ${event.type}`);
    return event.data.value;
  },
  decide: (command, state) =>
    right(state === command.value ? [] : [{ type: 'ValueSet', data: { value: command.value } }]),
};

const actor = { role: 'user', userId: 'u-1' };
const fingerprintOf = (command: RegisterCommand) => `set:${command.value}`;

function set(
  store: EventStore,
  commandId: string,
  value: string,
  extra: Partial<HandleCommandOptions<string | null, undefined, Refusal>> = {},
): Promise<Either<unknown, { state: string | null; alreadyHandled: boolean; events: readonly unknown[] }>> {
  const command: RegisterCommand = { kind: 'Set', value };
  return handleCommand(store, register, 'reg-1', command, {
    commandId,
    actor,
    fingerprint: fingerprintOf(command),
    ...extra,
  });
}

describe.each([
  ['without', undefined],
  ['with', () => createStreamStateCache<string | null>()],
])('handleCommand retries (%s a state cache)', (_name, makeCache) => {
  const withCache = () => (makeCache ? { stateCache: makeCache() } : {});

  it('R-36 a retried no-op after a later change returns the earlier outcome and never undoes the change', async () => {
    const store = createInMemoryEventStore();
    const options = withCache();
    await set(store, 'c-0', 'A', options);
    const noOp = await set(store, 'c-1', 'A', options); // comment already "A": nothing changes
    expect(assertRight(noOp)).toMatchObject({ events: [], alreadyHandled: false, state: 'A' });
    await set(store, 'c-2', 'B', options);
    const retry = await set(store, 'c-1', 'A', options);
    expect(assertRight(retry)).toMatchObject({ events: [], alreadyHandled: true, state: 'B' });
    const stored = await collect(store.readStream('reg-1'));
    expect(stored.map((e) => e.type)).toEqual(['ValueSet', NO_CHANGE_EVENT_TYPE, 'ValueSet']);
    expect((await aggregateStream(store, register.evolve, null, 'reg-1')).state).toBe('B');
  });

  it('R-36 refuses another command under a used command id (CommandIdReusedError), nothing written', async () => {
    const store = createInMemoryEventStore();
    const options = withCache();
    await set(store, 'c-1', 'A', options);
    const reused = await set(store, 'c-1', 'B', options);
    expect(assertLeft(reused)).toBeInstanceOf(CommandIdReusedError);
    expect(assertLeft(reused)).toMatchObject({ code: 'COMMAND_ID_REUSED', commandId: 'c-1' });
    expect(await collect(store.readStream('reg-1'))).toHaveLength(1);
    // The very same command still gets its earlier outcome.
    const retry = await set(store, 'c-1', 'A', options);
    expect(assertRight(retry)).toMatchObject({ alreadyHandled: true, state: 'A' });
  });

  it('R-04 gives an earlier outcome only to a caller authoriseRetry accepts, on the current state', async () => {
    const store = createInMemoryEventStore();
    await set(store, 'c-1', 'A', withCache());
    const seen: (string | null)[] = [];
    const refused = await set(store, 'c-1', 'A', {
      ...withCache(),
      authoriseRetry: (state) => {
        seen.push(state);
        return Promise.resolve<Refusal>({ code: 'NOT_YOURS' });
      },
    });
    expect(refused).toEqual(left({ code: 'NOT_YOURS' }));
    expect(seen).toEqual(['A']);
    // Authorisation comes first: a stranger learns nothing, not even that the id was used.
    const stranger = await set(store, 'c-1', 'Z', {
      authoriseRetry: () => Promise.resolve<Refusal>({ code: 'NOT_YOURS' }),
    });
    expect(stranger).toEqual(left({ code: 'NOT_YOURS' }));
    expect(await collect(store.readStream('reg-1'))).toHaveLength(1);
  });
});

describe('command fingerprints in event ids', () => {
  it('accepts as the same command an event written before fingerprints (id from stream, command id, index)', async () => {
    const store = createInMemoryEventStore();
    await store.appendToStream('reg-1', [
      {
        type: 'ValueSet',
        data: { value: 'A' },
        eventId: commandEventId('reg-1', 'old-1', 0),
        metadata: { actor, commandId: 'old-1' },
      },
    ]);
    const retry = await set(store, 'old-1', 'whatever');
    expect(assertRight(retry)).toMatchObject({ alreadyHandled: true, state: 'A' });
  });

  it('refuses a command id held by an event written by other means (random event id)', async () => {
    const store = createInMemoryEventStore();
    await store.appendToStream('reg-1', [
      { type: 'ValueSet', data: { value: 'A' }, metadata: { actor, commandId: 'imported-1' } },
    ]);
    const retry = await set(store, 'imported-1', 'A');
    expect(assertLeft(retry)).toBeInstanceOf(CommandIdReusedError);
  });

  it('derives different event ids for different fingerprints, the same for the same', () => {
    expect(commandEventId('s', 'c', 0, 'f1')).toBe(commandEventId('s', 'c', 0, 'f1'));
    expect(commandEventId('s', 'c', 0, 'f1')).not.toBe(commandEventId('s', 'c', 0, 'f2'));
    expect(commandEventId('s', 'c', 0, 'f1')).not.toBe(commandEventId('s', 'c', 0));
  });
});

describe('the no-change marker stays out of folds', () => {
  async function storeWithMarker(options = {}) {
    const store = createInMemoryEventStore(options);
    await set(store, 'c-0', 'A');
    await set(store, 'c-1', 'A'); // the marker, version 1
    await set(store, 'c-2', 'B');
    return store;
  }

  it('is neither upcast nor decoded by the read pipeline', async () => {
    const store = await storeWithMarker({
      decoder: (event: RecordedEvent) =>
        event.type === 'ValueSet' ? right(event) : left([{ path: 'type', expected: 'ValueSet' }]),
    });
    expect((await collect(store.readAll())).map((e) => e.type)).toEqual([
      'ValueSet',
      NO_CHANGE_EVENT_TYPE,
      'ValueSet',
    ]);
  });

  it('is left out by aggregateStream (its version still counts) and replayStream', async () => {
    const store = await storeWithMarker();
    expect(await aggregateStream(store, register.evolve, null, 'reg-1')).toEqual({ state: 'B', version: 2 });
    const steps = await collect(replayStream(store, register.evolve, null, 'reg-1'));
    expect(steps.map((s) => [s.event.version, s.stateAfter])).toEqual([
      [0, 'A'],
      [2, 'B'],
    ]);
  });

  it('never reaches a projection, caught up or live, and the checkpoint moves past it', async () => {
    const store = await storeWithMarker();
    const projection = defineProjection<string[]>({
      name: 'values',
      version: 1,
      init: () => [],
      evolve: (values, event) => [...values, event.type],
    });
    const once = createInMemoryProjectionTarget(projection);
    await runProjectionOnce(store, { ...projection, target: once });
    expect(once.state()).toEqual(['ValueSet', 'ValueSet']);

    const live = createInMemoryProjectionTarget(projection);
    const running = startProjection(store, { ...projection, target: live });
    await set(store, 'c-3', 'B'); // a marker last: whenIdle must still settle
    await running.whenIdle();
    expect(live.state()).toEqual(['ValueSet', 'ValueSet']);
    expect(running.position()).toBe(4n);
    await running.stop();
  });
});
