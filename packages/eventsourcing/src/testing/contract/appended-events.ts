/// <reference types="jest" />
import { left, right } from 'fp-ts/Either';
import type { JsonObject } from '../../json';
import type { EventDecoder } from '../../store-options';
import { anEvent, collect, counted, testActor } from '../fixtures';
import type { ContractContext } from '../store-harness';

/**
 * `AppendResult.events`, for a store whose harness says it returns them: exactly what a read of
 * the stream gives (versions, positions, hashes, data as decoded), so that the command handler
 * need not read them back.
 */
export function appendedEventsContract(ctx: ContractContext): void {
  describe('the events an append returns', () => {
    it('are the events a read of the stream then gives', async () => {
      const store = await ctx.create();
      await store.appendToStream('s-1', counted(2));
      const result = await store.appendToStream(
        's-1',
        [anEvent('Counted', { n: 2 }), anEvent('Named', { name: 'Zoé' }, { metadata: { actor: testActor } })],
        { expectedVersion: 1 },
      );
      const read = await collect(store.readStream('s-1', { fromVersion: 2 }));
      expect(read).toHaveLength(2);
      expect(result.events).toEqual(read);
      expect(result.globalPosition).toBe(read[1].globalPosition);
    });

    it('are decoded as reads are, and left out (the append standing) when one does not decode', async () => {
      const decoder: EventDecoder = (event) =>
        typeof (event.data as JsonObject).n === 'number'
          ? right({ ...event, data: { ...(event.data as JsonObject), decoded: true } })
          : left([{ path: 'data.n', expected: 'number' }]);
      const store = await ctx.create({ decoder });
      const good = await store.appendToStream('s-1', counted(2));
      expect(good.events?.map((e) => e.data)).toEqual([
        { n: 0, decoded: true },
        { n: 1, decoded: true },
      ]);
      expect(good.events).toEqual(await collect(store.readStream('s-1')));
      const bad = await store.appendToStream('s-2', [anEvent('Counted', { n: 'one' })]);
      expect(bad.events).toBeUndefined();
      expect(bad.nextExpectedVersion).toBe(0);
      await expect(collect(store.readStream('s-2'))).rejects.toThrow(/data\.n/);
    });
  });
}
