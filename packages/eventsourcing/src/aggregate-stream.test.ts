import { accountDecider } from './__tests__/account-decider';
import { aggregateStream, replayStream, type TimeTravelOptions } from './aggregate-stream';
import { createInMemoryEventStore } from './in-memory-store';
import { readStreamInPages } from './paged-read';
import type { EventStore } from './store';
import { collect } from './testing';

const at = (day: number) => `2024-05-0${day}T10:00:00.000Z`;

async function history() {
  const store = createInMemoryEventStore();
  await store.appendToStream('acc-1', [
    { type: 'AccountOpened', data: { owner: 'Ada' }, metadata: { occurredAt: at(1) } },
    { type: 'Deposited', data: { amount: 10, at: at(2) }, metadata: { occurredAt: at(2) } },
    { type: 'Deposited', data: { amount: 20, at: at(3) }, metadata: { occurredAt: at(3) } },
    { type: 'Withdrawn', data: { amount: 5 }, metadata: { occurredAt: at(4) } },
  ]);
  return store;
}
const fold = (store: Awaited<ReturnType<typeof history>>, options = {}) =>
  aggregateStream(store, accountDecider.evolve, accountDecider.initialState(), 'acc-1', options);

describe('time travel', () => {
  it('gives the current state and version by default', async () => {
    expect(await fold(await history())).toEqual({ state: { open: true, balance: 25 }, version: 3 });
  });

  it('gives the state at a version', async () => {
    const store = await history();
    expect(await fold(store, { toVersion: 1 })).toEqual({ state: { open: true, balance: 10 }, version: 1 });
    expect(await fold(store, { toVersion: -1 })).toEqual({ state: { open: false, balance: 0 }, version: -1 });
  });

  it('gives the state as of an instant, by occurredAt, offsets understood', async () => {
    const store = await history();
    expect(await fold(store, { asOf: '2024-05-03T10:00:00.000Z' })).toEqual({
      state: { open: true, balance: 30 },
      version: 2,
    });
    expect(await fold(store, { asOf: '2024-05-03T12:00:00+02:00' })).toMatchObject({ version: 2 });
    expect(await fold(store, { asOf: '2024-05-03T11:59:59+02:00' })).toMatchObject({ version: 1 });
    expect(await fold(store, { asOf: '2024-05-02T09:59:59.999Z' })).toMatchObject({ version: 0 });
    expect(await fold(store, { asOf: '2020-01-01T00:00:00Z' })).toMatchObject({ version: -1 });
  });

  it('refuses an instant it cannot read', async () => {
    await expect(fold(await history(), { asOf: 'hier' })).rejects.toThrow(/asOf must be an ISO-8601 instant/);
  });

  it('is "no stream" for an unknown stream', async () => {
    const store = createInMemoryEventStore();
    expect(await aggregateStream(store, accountDecider.evolve, accountDecider.initialState(), 'x')).toEqual({
      state: { open: false, balance: 0 },
      version: -1,
    });
  });

  it('replays each event with the state after it', async () => {
    const store = await history();
    const steps = await collect(
      replayStream(store, accountDecider.evolve, accountDecider.initialState(), 'acc-1'),
    );
    expect(steps.map((s) => [s.event.version, s.event.type, s.stateAfter.balance])).toEqual([
      [0, 'AccountOpened', 0],
      [1, 'Deposited', 10],
      [2, 'Deposited', 30],
      [3, 'Withdrawn', 25],
    ]);
  });
});

describe('time travel options', () => {
  const replayed = async (options: TimeTravelOptions) =>
    (
      await collect(
        replayStream(await history(), accountDecider.evolve, accountDecider.initialState(), 'acc-1', options),
      )
    ).map((step) => step.event.version);

  it('replays up to a version or an instant, not past it', async () => {
    expect(await replayed({ toVersion: 1 })).toEqual([0, 1]);
    expect(await replayed({ toVersion: -1 })).toEqual([]);
    expect(await replayed({ asOf: '2024-05-03T10:00:00.000Z' })).toEqual([0, 1, 2]);
  });

  it.each([
    [1.5, 'toVersion must be an integer of at least -1, got 1.5'],
    [-2, 'toVersion must be an integer of at least -1, got -2'],
    [Number.NaN, 'toVersion must be an integer of at least -1, got NaN'],
  ])('refuses toVersion %p with a RangeError, in both folds', async (toVersion, message) => {
    const store = await history();
    const error = new RangeError(message);
    await expect(fold(store, { toVersion })).rejects.toThrow(error);
    await expect(replayed({ toVersion })).rejects.toThrow(error);
    await expect(fold(store, { toVersion })).rejects.toBeInstanceOf(RangeError);
  });

  it('asks the store for pages of batchSize events', async () => {
    const store = await history();
    const asked: (number | undefined)[] = [];
    const spy: EventStore = {
      ...store,
      readStreamPages: (streamId, options) => {
        asked.push(options?.batchSize);
        return readStreamInPages(store, streamId, options);
      },
    };
    await aggregateStream(spy, accountDecider.evolve, accountDecider.initialState(), 'acc-1', {
      batchSize: 3,
    });
    await collect(
      replayStream(spy, accountDecider.evolve, accountDecider.initialState(), 'acc-1', { batchSize: 2 }),
    );
    expect(asked).toEqual([3, 2]);
  });
});
