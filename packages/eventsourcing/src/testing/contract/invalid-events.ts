/// <reference types="jest" />
import { InvalidEventError } from '../../errors';
import type { EventToAppend } from '../../events';
import { anEvent, collect } from '../fixtures';
import type { ContractContext } from '../store-harness';

const cycle: Record<string, unknown> = { a: 1 };
cycle.self = cycle;

const bad: [string, unknown, string][] = [
  ['a function in data', { type: 'T', data: { f: () => 1 } }, 'data.f'],
  [
    'a BigInt in data',
    { type: 'T', data: { lines: [{ amount: 1 }, { amount: 2n }] } },
    'data.lines[1].amount',
  ],
  ['a cycle in data', { type: 'T', data: cycle }, 'data.self'],
  ['undefined in data', { type: 'T', data: { x: undefined } }, 'data.x'],
  ['NaN in data', { type: 'T', data: { x: NaN } }, 'data.x'],
  ['a Date in data', { type: 'T', data: { at: new Date(0) } }, 'data.at'],
  ['a missing type', { data: {} }, 'type'],
  ['an empty type', { type: '', data: {} }, 'type'],
  ['a missing data', { type: 'T' }, 'data'],
  ['a non-object event', 'T', 'event'],
  ['a malformed event id', { type: 'T', data: {}, eventId: 'not-a-uuid' }, 'eventId'],
  [
    'a malformed occurredAt',
    { type: 'T', data: {}, metadata: { occurredAt: 'yesterday' } },
    'metadata.occurredAt',
  ],
  [
    'an actor without userId',
    { type: 'T', data: {}, metadata: { actor: { role: 'x' } } },
    'metadata.actor.userId',
  ],
  ['a schemaVersion of 0', { type: 'T', data: {}, metadata: { schemaVersion: 0 } }, 'metadata.schemaVersion'],
  // No store keeps NUL or a lone surrogate unchanged in a type or in metadata (PostgreSQL threw).
  ['NUL in a type', { type: 'T\u0000', data: {} }, 'type'],
  ['a lone surrogate in a type', { type: 'T\ud800', data: {} }, 'type'],
  ['NUL in a command id', { type: 'T', data: {}, metadata: { commandId: 'c\u0000' } }, 'metadata.commandId'],
  [
    'a lone surrogate in a command id',
    { type: 'T', data: {}, metadata: { commandId: 'c\udc00' } },
    'metadata.commandId',
  ],
  [
    'NUL in an actor',
    { type: 'T', data: {}, metadata: { actor: { role: 'r', userId: 'u\u0000' } } },
    'metadata.actor.userId',
  ],
];

/** Malformed events are refused with an error naming event and field; nothing is written. */
export function invalidEventsContract(ctx: ContractContext): void {
  describe('invalid events', () => {
    it.each(bad)(
      'refuses %s, naming the field, and writes nothing of the batch',
      async (_name, event, field) => {
        const store = await ctx.create();
        const batch = [anEvent('Fine', { ok: true }), event] as EventToAppend[];
        const error = await store.appendToStream('s-1', batch).then(
          () => undefined,
          (e: unknown) => e,
        );
        expect(error).toBeInstanceOf(InvalidEventError);
        expect(error).toMatchObject({ streamId: 's-1', eventIndex: 1, field });
        expect(await collect(store.readStream('s-1'))).toEqual([]);
        expect(await collect(store.readAll())).toEqual([]);
      },
    );

    it.each([
      ['NUL', 'bad\u0000id'],
      ['a lone surrogate', 'bad\ud800id'],
    ])('refuses %s in a stream id, and reads such a stream as empty', async (_name, streamId) => {
      const store = await ctx.create();
      await expect(store.appendToStream(streamId, [anEvent('T', {})])).rejects.toMatchObject({
        name: 'InvalidEventError',
        field: 'streamId',
      });
      expect(await collect(store.readStream(streamId))).toEqual([]);
      expect(await collect(store.readStream(streamId, { direction: 'backwards' }))).toEqual([]);
    });
  });
}
