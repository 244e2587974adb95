/// <reference types="jest" />
import { digest, verifyAgainstDigest } from '../../digest';
import { GENESIS_HASH } from '../../events';
import { recomputeHash } from '../../hash-chain';
import { verifyStream } from '../../verify';
import { collect, counted } from '../fixtures';
import type { ContractContext } from '../store-harness';

/** The hash chain every store writes, and its verification against tampering. */
export function hashChainContract(ctx: ContractContext): void {
  describe('hash chain', () => {
    async function storeWithChain() {
      const store = await ctx.create();
      await store.appendToStream('chain', counted(3));
      await store.appendToStream('other', counted(2));
      await store.appendToStream('chain', counted(3, 3));
      return store;
    }

    it('links each event to the previous one from the genesis hash, with a recomputable SHA-256', async () => {
      const store = await storeWithChain();
      const events = await collect(store.readStream('chain'));
      expect(events[0].metadata.prevHash).toBe(GENESIS_HASH);
      for (let i = 0; i < events.length; i++) {
        expect(events[i].metadata.hash).toMatch(/^[0-9a-f]{64}$/);
        expect(recomputeHash(events[i])).toBe(events[i].metadata.hash);
        if (i > 0) expect(events[i].metadata.prevHash).toBe(events[i - 1].metadata.hash);
      }
    });

    it('verifies a clean stream and gives its head hash; an unknown stream is an empty chain', async () => {
      const store = await storeWithChain();
      const events = await collect(store.readStream('chain'));
      expect(await verifyStream(store, 'chain')).toEqual({
        ok: true,
        streamId: 'chain',
        headHash: events[5].metadata.hash,
        length: 6,
        signedEvents: 0,
        unsignedEvents: 6,
      });
      expect(await verifyStream(store, 'nobody')).toMatchObject({
        ok: true,
        headHash: GENESIS_HASH,
        length: 0,
      });
    });

    it('catches an altered event', async () => {
      const store = await storeWithChain();
      await ctx.tamper(store).alterEvent('chain', 3, { n: 300 });
      expect(await verifyStream(store, 'chain')).toMatchObject({ ok: false, version: 3, problem: 'altered' });
      expect(await verifyStream(store, 'other')).toMatchObject({ ok: true });
    });

    it('catches a removed event', async () => {
      const store = await storeWithChain();
      await ctx.tamper(store).removeEvent('chain', 2);
      expect(await verifyStream(store, 'chain')).toMatchObject({ ok: false, version: 2, problem: 'missing' });
    });

    it('catches two swapped events', async () => {
      const store = await storeWithChain();
      await ctx.tamper(store).swapEvents('chain', 1, 4);
      expect(await verifyStream(store, 'chain')).toMatchObject({
        ok: false,
        version: 1,
        problem: 'reordered',
      });
    });

    it('catches two swapped neighbours', async () => {
      const store = await storeWithChain();
      await ctx.tamper(store).swapEvents('chain', 4, 5);
      expect(await verifyStream(store, 'chain')).toMatchObject({
        ok: false,
        version: 4,
        problem: 'reordered',
      });
    });

    it('keeps a digest of every head, which later appends do not break but tampering does', async () => {
      const store = await storeWithChain();
      const saved = await digest(store);
      expect(Object.keys(saved.streams).sort()).toEqual(['chain', 'other']);
      expect(saved.streams.chain.version).toBe(5);
      await store.appendToStream('chain', counted(2, 6));
      await store.appendToStream('new', counted(1));
      expect(await verifyAgainstDigest(store, saved)).toEqual({ ok: true, streamsChecked: 2 });
      await ctx.tamper(store).alterEvent('other', 0, { n: -1 });
      expect(await verifyAgainstDigest(store, saved)).toMatchObject({
        ok: false,
        mismatches: [{ streamId: 'other', version: 0, problem: 'altered' }],
      });
    });

    it('keeps the event ids the caller gives', async () => {
      const store = await ctx.create();
      const eventId = '9f1c2d3e-4b5a-4c6d-8e7f-0123456789ab';
      await store.appendToStream('s-1', [{ type: 'Identified', data: {}, eventId }]);
      const [event] = await collect(store.readStream('s-1'));
      expect(event.eventId).toBe(eventId);
    });
  });
}
