/// <reference types="jest" />
import type { StoredEventChange } from '../../in-memory-tamper';
import { digest, verifyAgainstDigest } from '../../digest';
import type { EventStore } from '../../store';
import type { RecordedEvent } from '../../events';
import { GENESIS_HASH } from '../../events';
import { recomputeHash } from '../../hash-chain';
import { verifyStream } from '../../verify';
import { collect, counted } from '../fixtures';
import type { ContractContext } from '../store-harness';

const actor = { role: 'adherent', userId: 'u-1', siret: '73282932000074' };

// A stream whose events carry every metadata field, none of them at its default.
async function storeWithFullEvents(ctx: ContractContext): Promise<EventStore> {
  const store = await ctx.create();
  for (let n = 0; n < 5; n++) {
    await store.appendToStream('chain', [
      {
        type: 'Counted',
        data: { n },
        metadata: {
          actor,
          commandId: `cmd-${n}`,
          correlationId: `corr-${n}`,
          causationId: `cause-${n}`,
          schemaVersion: 2,
          occurredAt: `2025-11-0${n + 1}T08:00:00.000Z`,
        },
      },
    ]);
  }
  await store.appendToStream('other', counted(2));
  return store;
}

// Each stored field a reader or an auditor depends on, with a forger's change of it.
const FORGERIES: readonly [string, (event: RecordedEvent) => StoredEventChange][] = [
  ['the type', () => ({ type: 'Uncounted' })],
  ['the data', () => ({ data: { n: 300 } })],
  ['the event id', () => ({ eventId: '9f1c2d3e-4b5a-4c6d-8e7f-0123456789ab' })],
  ['recordedAt', (e) => ({ recordedAt: new Date(Date.parse(e.recordedAt) + 1000).toISOString() })],
  ['the actor', () => ({ metadata: { actor: { ...actor, userId: 'u-2' } } })],
  ['occurredAt', () => ({ metadata: { occurredAt: '2025-10-01T08:00:00.000Z' } })],
  ['the schema version (2 to 1)', () => ({ metadata: { schemaVersion: 1 } })],
  ['the command id', () => ({ metadata: { commandId: 'cmd-other' } })],
  ['the correlation id', () => ({ metadata: { correlationId: 'corr-other' } })],
  ['the causation id', () => ({ metadata: { causationId: null } })],
  ['the chain format (removed: format 1)', () => ({ metadata: { chainVersion: undefined } })],
  ['the chain format (3 to 2, which would hash a signature)', () => ({ metadata: { chainVersion: 2 } })],
  ['the chain format (unknown)', () => ({ metadata: { chainVersion: 4 } })],
  ['a metadata key added', () => ({ metadata: { note: 'ajouté' } })],
  ['the hash itself', () => ({ metadata: { hash: 'f'.repeat(64) } })],
];

// The stream's events hashed again from the genesis, event i in chain format formats[i].
function rechained(events: readonly RecordedEvent[], formats: readonly (1 | 2 | 3)[]): StoredEventChange[] {
  let prevHash = GENESIS_HASH;
  return events.map((event, i) => {
    const metadata = { ...event.metadata, prevHash, chainVersion: formats[i] === 1 ? undefined : formats[i] };
    const hash = recomputeHash({ ...event, metadata } as RecordedEvent)!;
    prevHash = hash;
    return { metadata: { ...metadata, hash } };
  });
}

async function rewriteStream(ctx: ContractContext, store: EventStore, changes: StoredEventChange[]) {
  for (const [version, change] of changes.entries())
    await ctx.tamper(store).rewriteEvent('chain', version, change);
}

/** What the hash covers (each stored field, one at a time) and the chain formats verified. */
export function hashChainCoverageContract(ctx: ContractContext): void {
  describe('hash chain: every stored field is covered', () => {
    it.each(FORGERIES)('catches a change of %s, naming the stream and the version', async (_field, forge) => {
      const store = await storeWithFullEvents(ctx);
      const [target] = await collect(store.readStream('chain', { fromVersion: 3, maxCount: 1 }));
      await ctx.tamper(store).rewriteEvent('chain', 3, forge(target));
      expect(await verifyStream(store, 'chain')).toMatchObject({
        ok: false,
        streamId: 'chain',
        version: 3,
        problem: 'altered',
      });
      expect(await verifyStream(store, 'other')).toMatchObject({ ok: true, length: 2 });
    });

    it('catches the schema version set from 2 to 1 against a digest taken before', async () => {
      const store = await storeWithFullEvents(ctx);
      const saved = await digest(store);
      await ctx.tamper(store).rewriteEvent('chain', 1, { metadata: { schemaVersion: 1 } });
      expect(await verifyAgainstDigest(store, saved)).toMatchObject({
        ok: false,
        mismatches: [{ streamId: 'chain', version: 1, problem: 'altered' }],
      });
    });
  });

  describe('hash chain: formats', () => {
    it('writes new events in chain format 3', async () => {
      const store = await storeWithFullEvents(ctx);
      for (const event of await collect(store.readStream('chain')))
        expect(event.metadata.chainVersion).toBe(3);
    });

    it('verifies a history written in format 1 (no chainVersion), then format 2, then format 3', async () => {
      const store = await storeWithFullEvents(ctx);
      const changes = rechained(await collect(store.readStream('chain')), [1, 1, 2, 2, 3]);
      await rewriteStream(ctx, store, changes);
      const events = await collect(store.readStream('chain'));
      expect(events.map((e) => e.metadata.chainVersion)).toEqual([undefined, undefined, 2, 2, 3]);
      expect(await verifyStream(store, 'chain')).toEqual({
        ok: true,
        streamId: 'chain',
        headHash: changes[4].metadata!.hash,
        length: 5,
        signedEvents: 0,
        unsignedEvents: 5,
      });
      await ctx.tamper(store).alterEvent('chain', 1, { n: 100 });
      expect(await verifyStream(store, 'chain')).toMatchObject({ ok: false, version: 1, problem: 'altered' });
    });

    it('refuses a format-1 event after a format-2 one, even with hashes that recompute', async () => {
      const store = await storeWithFullEvents(ctx);
      await rewriteStream(ctx, store, rechained(await collect(store.readStream('chain')), [3, 3, 1, 1, 1]));
      expect(await verifyStream(store, 'chain')).toMatchObject({
        ok: false,
        version: 2,
        problem: 'altered',
        detail: 'the event at version 2 is in hash chain format 1 after an event in format 3',
      });
    });

    it('refuses a format-2 event after a format-3 one (format 2 would take a signature into its hash)', async () => {
      const store = await storeWithFullEvents(ctx);
      await rewriteStream(ctx, store, rechained(await collect(store.readStream('chain')), [3, 3, 3, 2, 2]));
      expect(await verifyStream(store, 'chain')).toMatchObject({ ok: false, version: 3, problem: 'altered' });
    });
  });
}
