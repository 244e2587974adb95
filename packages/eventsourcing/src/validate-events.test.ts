import { InvalidEventError } from './errors';
import { validateEventsToAppend } from './validate-events';
import { runInNewContext } from 'node:vm';

describe('validateEventsToAppend', () => {
  it('accepts any JSON data, shared (non-cyclic) references and null-prototype objects included', () => {
    const shared = { x: 1 };
    const bare = Object.assign(Object.create(null) as object, { y: 2 });
    expect(() =>
      validateEventsToAppend('s', [
        { type: 'A', data: null },
        { type: 'B', data: [1, 'two', false, { deep: [shared, shared] }] },
        { type: 'C', data: bare, metadata: { occurredAt: '2024-05-01T08:30:00+02:00', commandId: null } },
      ]),
    ).not.toThrow();
  });

  it('names the stream, the event index and the field path', () => {
    let error: unknown;
    try {
      validateEventsToAppend('dossier-1', [
        { type: 'A', data: {} },
        { type: 'B', data: { lines: [{}, {}, { amount: Infinity }] } },
      ]);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InvalidEventError);
    expect(error).toMatchObject({ streamId: 'dossier-1', eventIndex: 1, field: 'data.lines[2].amount' });
    expect((error as Error).message).toBe(
      'Stream dossier-1, event #1: data.lines[2].amount is Infinity, not a finite JSON number',
    );
  });

  it('refuses a Map, a class instance, a symbol and a sparse array', () => {
    class Money {
      cents = 1;
    }
    const sparse: number[] = [1];
    sparse[2] = 3;
    for (const data of [new Map(), new Money(), { s: Symbol('x') }, sparse]) {
      expect(() => validateEventsToAppend('s', [{ type: 'T', data } as never])).toThrow(InvalidEventError);
    }
  });

  it('refuses a missing stream id and a batch that is not an array', () => {
    expect(() => validateEventsToAppend('', [])).toThrow(/streamId/);
    expect(() => validateEventsToAppend('s', { type: 'T', data: 1 })).toThrow(/events must be an array/);
  });
});

describe('objects from another realm', () => {
  it('accepts plain objects made in another realm (vm context, structuredClone under jest)', () => {
    const foreign = runInNewContext(
      '({ type: "Happened", data: { lines: [{ amount: 1 }], note: null } })',
    ) as {
      type: string;
      data: { lines: { amount: number }[]; note: null };
    };
    expect(Object.getPrototypeOf(foreign)).not.toBe(Object.prototype);
    expect(() => validateEventsToAppend('s-1', [foreign])).not.toThrow();
  });

  it('still refuses class instances from another realm', () => {
    const foreignDate = runInNewContext('({ type: "Happened", data: { at: new Date(0) } })') as {
      type: string;
      data: never;
    };
    expect(() => validateEventsToAppend('s-1', [foreignDate])).toThrow(InvalidEventError);
  });
});
