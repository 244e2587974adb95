// The read options' checks word for word (the store contract proves each store refuses them;
// this proves what the refusal says and where the bounds are).
import {
  atMostSqlBigint,
  checkReadAllOptions,
  checkReadStreamOptions,
  checkSubscribeOptions,
  MAX_GLOBAL_POSITION,
} from './read-options';
import type { ReadAllOptions } from './store';

const refusal = (check: () => unknown): Error => {
  try {
    check();
  } catch (error) {
    return error as Error;
  }
  throw new Error('not refused');
};

describe('read options', () => {
  it('bounds positions at 2^128 - 1 (the EventStoreDB pair), and SQL bindings at 2^63 - 1', () => {
    expect(MAX_GLOBAL_POSITION).toBe(340282366920938463463374607431768211455n);
    expect(checkReadAllOptions({ after: MAX_GLOBAL_POSITION })).toEqual({ after: MAX_GLOBAL_POSITION });
    expect(refusal(() => checkReadAllOptions({ after: MAX_GLOBAL_POSITION + 1n }))).toEqual(
      new RangeError(
        'readAll: after must be a global position from 0n to 2^128 - 1, got 340282366920938463463374607431768211456n',
      ),
    );
    expect(refusal(() => checkSubscribeOptions({ after: -1n }))).toEqual(
      new RangeError('subscribe: after must be a global position from 0n to 2^128 - 1, got -1n'),
    );
    expect(atMostSqlBigint(5n)).toBe(5n);
    expect(atMostSqlBigint(9223372036854775807n)).toBe(9223372036854775807n);
    expect(atMostSqlBigint(9223372036854775808n)).toBe(9223372036854775807n);
    expect(atMostSqlBigint(MAX_GLOBAL_POSITION)).toBe(9223372036854775807n);
  });

  it('shows what was given: a bigint with its n, text in quotes, anything else as it prints', () => {
    expect(refusal(() => checkReadAllOptions({ maxCount: 5n as never })).message).toBe(
      'readAll: maxCount must be an integer of at least 0, got 5n',
    );
    expect(refusal(() => checkReadStreamOptions({ fromVersion: '3' as never })).message).toBe(
      'readStream: fromVersion must be an integer of at least 0, got "3"',
    );
    expect(refusal(() => checkReadStreamOptions({ batchSize: 0 })).message).toBe(
      'readStream: batchSize must be an integer of at least 1, got 0',
    );
    expect(refusal(() => checkReadAllOptions({ after: 5 as never }))).toEqual(
      new TypeError('readAll: after must be a global position as a bigint (e.g. 42n), got number 5'),
    );
  });

  it('shows a list or an object as JSON (a list printed as text lost its brackets), a cycle as it prints', () => {
    expect(refusal(() => checkReadAllOptions({ filter: { streamPrefix: [1] } } as never)).message).toBe(
      'readAll: filter.streamPrefix must be a string or a list of strings, got [1]',
    );
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    expect(refusal(() => checkReadAllOptions({ filter: { eventTypes: cycle } } as never)).message).toBe(
      'readAll: filter.eventTypes must be a list of strings, got [object Object]',
    );
  });

  it('names the read whose options are not an object, or whose filter is not one', () => {
    expect(refusal(() => checkReadStreamOptions('forwards' as never))).toEqual(
      new TypeError('readStream: options must be an object, got "forwards"'),
    );
    expect(refusal(() => checkReadAllOptions(null as never))).toEqual(
      new TypeError('readAll: options must be an object, got null'),
    );
    expect(refusal(() => checkSubscribeOptions([] as never))).toEqual(
      new TypeError('subscribe: options must be an object, got []'),
    );
    for (const [check, where] of [
      [(f: unknown) => checkReadAllOptions({ filter: f } as ReadAllOptions), 'readAll'],
      [(f: unknown) => checkSubscribeOptions({ filter: f } as ReadAllOptions), 'subscribe'],
    ] as const) {
      expect(refusal(() => check(null))).toEqual(
        new TypeError(`${where}: filter must be an object, got null`),
      );
      expect(refusal(() => check(['acc-']))).toEqual(
        new TypeError(`${where}: filter must be an object, got ["acc-"]`),
      );
      expect(refusal(() => check({ eventTypes: 'Opened' }))).toEqual(
        new TypeError(`${where}: filter.eventTypes must be a list of strings, got "Opened"`),
      );
    }
  });

  it('takes both directions, and gives the options back as they were', () => {
    for (const direction of ['forwards', 'backwards'] as const)
      expect(checkReadStreamOptions({ direction, maxCount: 0, fromVersion: 0 })).toEqual({
        direction,
        maxCount: 0,
        fromVersion: 0,
      });
    expect(checkReadStreamOptions(undefined)).toEqual({});
    expect(checkSubscribeOptions(undefined)).toEqual({});
    expect(checkReadAllOptions({ filter: { streamPrefix: ['a-', 'b-'], eventTypes: [] } })).toEqual({
      filter: { streamPrefix: ['a-', 'b-'], eventTypes: [] },
    });
  });
});
