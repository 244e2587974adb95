/// <reference types="jest" />
import type { RecordedEvent } from '../../events';
import { anEvent, collect } from '../fixtures';
import type { ContractContext } from '../store-harness';

const label = (events: readonly RecordedEvent[]): string[] =>
  events.map((e) => `${e.streamId}@${e.version}:${e.type}`);

/** readAll: global order, exclusive checkpoint, filters, limits. */
export function readAllContract(ctx: ContractContext): void {
  describe('readAll', () => {
    async function storeWithMix() {
      const store = await ctx.create();
      await store.appendToStream('dossier-1', [anEvent('Opened'), anEvent('Named')]);
      await store.appendToStream('brouillon-1', [anEvent('Opened')]);
      await store.appendToStream('dossier-2', [anEvent('Opened')]);
      await store.appendToStream('dossier-1', [anEvent('Submitted')]);
      await store.appendToStream('liste-1', [anEvent('Named')]);
      return store;
    }

    it('yields every event in global order, with strictly increasing bigint positions', async () => {
      const store = await storeWithMix();
      const all = await collect(store.readAll());
      expect(label(all)).toEqual([
        'dossier-1@0:Opened',
        'dossier-1@1:Named',
        'brouillon-1@0:Opened',
        'dossier-2@0:Opened',
        'dossier-1@2:Submitted',
        'liste-1@0:Named',
      ]);
      for (let i = 0; i < all.length; i++) {
        expect(typeof all[i].globalPosition).toBe('bigint');
        if (i > 0) expect(all[i].globalPosition > all[i - 1].globalPosition).toBe(true);
      }
    });

    it('reads strictly after the checkpoint given', async () => {
      const store = await storeWithMix();
      const all = await collect(store.readAll());
      expect(label(await collect(store.readAll({ after: all[2].globalPosition })))).toEqual(
        label(all.slice(3)),
      );
      expect(await collect(store.readAll({ after: all[5].globalPosition }))).toEqual([]);
      expect(label(await collect(store.readAll({ after: 0n })))).toEqual(label(all));
    });

    it('filters by stream prefix, by several prefixes and by event types', async () => {
      const store = await storeWithMix();
      expect(label(await collect(store.readAll({ filter: { streamPrefix: 'dossier-' } })))).toEqual([
        'dossier-1@0:Opened',
        'dossier-1@1:Named',
        'dossier-2@0:Opened',
        'dossier-1@2:Submitted',
      ]);
      expect(
        label(await collect(store.readAll({ filter: { streamPrefix: ['brouillon-', 'liste-'] } }))),
      ).toEqual(['brouillon-1@0:Opened', 'liste-1@0:Named']);
      expect(label(await collect(store.readAll({ filter: { eventTypes: ['Named', 'Submitted'] } })))).toEqual(
        ['dossier-1@1:Named', 'dossier-1@2:Submitted', 'liste-1@0:Named'],
      );
      expect(
        label(await collect(store.readAll({ filter: { streamPrefix: 'dossier-', eventTypes: ['Opened'] } }))),
      ).toEqual(['dossier-1@0:Opened', 'dossier-2@0:Opened']);
    });

    it('stops at maxCount (counting matching events) and pages with any batch size', async () => {
      const store = await storeWithMix();
      const all = await collect(store.readAll());
      expect(label(await collect(store.readAll({ maxCount: 2 })))).toEqual(label(all.slice(0, 2)));
      expect(label(await collect(store.readAll({ maxCount: 2, filter: { eventTypes: ['Named'] } })))).toEqual(
        ['dossier-1@1:Named', 'liste-1@0:Named'],
      );
      for (const batchSize of [1, 2, 5, 100]) {
        expect(label(await collect(store.readAll({ batchSize })))).toEqual(label(all));
        expect(
          label(await collect(store.readAll({ batchSize, filter: { streamPrefix: 'dossier-2' } }))),
        ).toEqual(['dossier-2@0:Opened']);
      }
    });

    it('yields nothing on an empty store', async () => {
      const store = await ctx.create();
      expect(await collect(store.readAll())).toEqual([]);
    });
  });
}
