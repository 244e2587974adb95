import type { AccountEvent } from './__tests__/account-decider';
import { defineProjection } from './projection';
import { recordedForTest } from './testing';

describe('defineProjection', () => {
  const balances = defineProjection<Record<string, number>, AccountEvent>({
    name: 'balances',
    version: 1,
    init: () => ({}),
    handlers: {
      Deposited: (state, event) => ({
        ...state,
        [event.streamId]: (state[event.streamId] ?? 0) + event.data.amount,
      }),
      Withdrawn: (state, event) => ({
        ...state,
        [event.streamId]: (state[event.streamId] ?? 0) - event.data.amount,
      }),
    },
  });

  it('folds with per-type handlers and leaves other types alone', () => {
    const events = recordedForTest<AccountEvent>([
      { type: 'AccountOpened', data: { owner: 'Ada' } },
      { type: 'Deposited', data: { amount: 10, at: 'x' } },
      { type: 'Withdrawn', data: { amount: 3 } },
    ]);
    expect(events.reduce(balances.evolve, balances.init())).toEqual({ 'given-when-then': 7 });
  });

  it('reads only the handled types unless told otherwise', () => {
    expect(balances.filter?.eventTypes).toEqual(['Deposited', 'Withdrawn']);
  });

  it('refuses a projection without a name, a version or a fold', () => {
    const init = () => 0;
    expect(() => defineProjection({ name: '', version: 1, init, evolve: (s: number) => s })).toThrow(/name/);
    expect(() => defineProjection({ name: 'p', version: 0, init, evolve: (s: number) => s })).toThrow(
      /version/,
    );
    expect(() => defineProjection({ name: 'p', version: 1, init } as never)).toThrow(/handlers or evolve/);
  });
});
