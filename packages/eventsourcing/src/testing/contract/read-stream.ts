/// <reference types="jest" />
import { collect, counted, versionsOf } from '../fixtures';
import type { ContractContext } from '../store-harness';

/** readStream: directions, starting version, limits, paging. */
export function readStreamContract(ctx: ContractContext): void {
  describe('readStream', () => {
    async function storeWithTen() {
      const store = await ctx.create();
      await store.appendToStream('s-1', counted(4));
      await store.appendToStream('s-2', counted(2));
      await store.appendToStream('s-1', counted(6, 4));
      return store;
    }

    it('yields nothing for an unknown stream, without failing', async () => {
      const store = await ctx.create();
      expect(await collect(store.readStream('nobody'))).toEqual([]);
      expect(await collect(store.readStream('nobody', { direction: 'backwards' }))).toEqual([]);
    });

    it('reads forwards in version order, only the stream asked for', async () => {
      const store = await storeWithTen();
      const events = await collect(store.readStream('s-1'));
      expect(versionsOf(events)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
      expect(events.map((e) => (e.data as { n: number }).n)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
      expect(events.every((e) => e.streamId === 's-1')).toBe(true);
    });

    it('reads backwards from the last event', async () => {
      const store = await storeWithTen();
      expect(versionsOf(await collect(store.readStream('s-1', { direction: 'backwards' })))).toEqual([
        9, 8, 7, 6, 5, 4, 3, 2, 1, 0,
      ]);
    });

    it('starts at fromVersion (inclusive) in both directions and stops at maxCount', async () => {
      const store = await storeWithTen();
      expect(versionsOf(await collect(store.readStream('s-1', { fromVersion: 7 })))).toEqual([7, 8, 9]);
      expect(versionsOf(await collect(store.readStream('s-1', { fromVersion: 3, maxCount: 2 })))).toEqual([
        3, 4,
      ]);
      expect(
        versionsOf(
          await collect(store.readStream('s-1', { fromVersion: 5, direction: 'backwards', maxCount: 3 })),
        ),
      ).toEqual([5, 4, 3]);
      expect(
        versionsOf(await collect(store.readStream('s-1', { direction: 'backwards', maxCount: 1 }))),
      ).toEqual([9]);
      expect(await collect(store.readStream('s-1', { fromVersion: 10 }))).toEqual([]);
      expect(await collect(store.readStream('s-1', { maxCount: 0 }))).toEqual([]);
    });

    it('pages across batch boundaries without losing or repeating an event', async () => {
      const store = await storeWithTen();
      for (const batchSize of [1, 3, 4, 10, 11]) {
        expect(versionsOf(await collect(store.readStream('s-1', { batchSize })))).toEqual([
          0, 1, 2, 3, 4, 5, 6, 7, 8, 9,
        ]);
        expect(
          versionsOf(await collect(store.readStream('s-1', { batchSize, direction: 'backwards' }))),
        ).toEqual([9, 8, 7, 6, 5, 4, 3, 2, 1, 0]);
        expect(
          versionsOf(await collect(store.readStream('s-1', { batchSize, fromVersion: 2, maxCount: 5 }))),
        ).toEqual([2, 3, 4, 5, 6]);
      }
    });
  });
}
