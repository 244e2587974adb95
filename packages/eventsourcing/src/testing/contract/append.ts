/// <reference types="jest" />
import { validate as isUuid } from 'uuid';
import { ConcurrencyError } from '../../errors';
import type { ExpectedVersion } from '../../store';
import { anEvent, collect, counted, testActor, versionsOf } from '../fixtures';
import type { ContractContext } from '../store-harness';

/** appendToStream: expected versions, atomic batches, metadata, event ids. */
export function appendContract(ctx: ContractContext): void {
  describe('appendToStream', () => {
    it('gives versions from 0 and returns the next expected version and a bigint position', async () => {
      const store = await ctx.create();
      const first = await store.appendToStream('s-1', counted(3));
      expect(first.nextExpectedVersion).toBe(2);
      expect(typeof first.globalPosition).toBe('bigint');
      const second = await store.appendToStream('s-1', counted(2, 3), { expectedVersion: 2 });
      expect(second.nextExpectedVersion).toBe(4);
      expect(second.globalPosition > first.globalPosition).toBe(true);
      expect(versionsOf(await collect(store.readStream('s-1')))).toEqual([0, 1, 2, 3, 4]);
    });

    const accepted: [string, ExpectedVersion, boolean][] = [
      ['no_stream on a new stream', 'no_stream', false],
      ['any on a new stream', 'any', false],
      ['stream_exists on an existing stream', 'stream_exists', true],
      ['any on an existing stream', 'any', true],
      ['the current version', 1, true],
    ];
    it.each(accepted)('accepts %s', async (_name, expectedVersion, existing) => {
      const store = await ctx.create();
      if (existing) await store.appendToStream('s-1', counted(2));
      const result = await store.appendToStream('s-1', [anEvent('Added')], { expectedVersion });
      expect(result.nextExpectedVersion).toBe(existing ? 2 : 0);
    });

    const refused: [string, ExpectedVersion, boolean, number][] = [
      ['no_stream on an existing stream', 'no_stream', true, 1],
      ['stream_exists on a new stream', 'stream_exists', false, -1],
      ['a version behind the stream', 0, true, 1],
      ['a version ahead of the stream', 5, true, 1],
      ['a version on a new stream', 0, false, -1],
    ];
    it.each(refused)(
      'refuses %s with a ConcurrencyError carrying both versions, writing nothing',
      async (_name, expectedVersion, existing, actualVersion) => {
        const store = await ctx.create();
        if (existing) await store.appendToStream('s-1', counted(2));
        const error = await store.appendToStream('s-1', counted(3, 10), { expectedVersion }).then(
          () => undefined,
          (e: unknown) => e,
        );
        expect(error).toBeInstanceOf(ConcurrencyError);
        expect(error).toMatchObject({ streamId: 's-1', expectedVersion, actualVersion });
        expect(versionsOf(await collect(store.readStream('s-1')))).toEqual(existing ? [0, 1] : []);
        expect(await collect(store.readAll())).toHaveLength(existing ? 2 : 0);
      },
    );

    it('appends a batch atomically: all its events, contiguous in the stream and in global order', async () => {
      const store = await ctx.create();
      await store.appendToStream('other', counted(1));
      await store.appendToStream('s-1', counted(5));
      const all = await collect(store.readAll());
      const batch = all.filter((e) => e.streamId === 's-1');
      expect(versionsOf(batch)).toEqual([0, 1, 2, 3, 4]);
      const positions = batch.map((e) => e.globalPosition);
      for (let i = 1; i < positions.length; i++) expect(positions[i] > positions[i - 1]).toBe(true);
    });

    it('accepts an empty batch without creating the stream', async () => {
      const store = await ctx.create();
      const result = await store.appendToStream('s-1', [], { expectedVersion: 'no_stream' });
      expect(result.nextExpectedVersion).toBe(-1);
      expect(await collect(store.readStream('s-1'))).toEqual([]);
    });

    it('keeps the metadata given, and fills the rest', async () => {
      const store = await ctx.create();
      const actor = { ...testActor, siret: '12345678900011' };
      await store.appendToStream('s-1', [
        anEvent(
          'Given',
          { a: 1 },
          {
            eventId: '0b7e3c1a-1111-4a2b-8c3d-123456789abc',
            metadata: {
              actor,
              commandId: 'cmd-1',
              correlationId: 'corr-1',
              causationId: 'cause-1',
              schemaVersion: 3,
              occurredAt: '2024-05-01T08:30:00.000Z',
            },
          },
        ),
        anEvent('Defaulted', { b: [1, 'x', null, true] }),
      ]);
      const [given, defaulted] = await collect(store.readStream('s-1'));
      expect(given).toMatchObject({
        type: 'Given',
        data: { a: 1 },
        streamId: 's-1',
        version: 0,
        eventId: '0b7e3c1a-1111-4a2b-8c3d-123456789abc',
        metadata: {
          actor,
          commandId: 'cmd-1',
          correlationId: 'corr-1',
          causationId: 'cause-1',
          schemaVersion: 3,
          occurredAt: '2024-05-01T08:30:00.000Z',
        },
      });
      expect(Number.isNaN(Date.parse(given.recordedAt))).toBe(false);
      expect(defaulted.data).toEqual({ b: [1, 'x', null, true] });
      expect(isUuid(defaulted.eventId)).toBe(true);
      expect(defaulted.eventId).not.toBe(given.eventId);
      expect(defaulted.metadata).toMatchObject({
        commandId: null,
        correlationId: null,
        causationId: null,
        schemaVersion: 1,
      });
      expect(Number.isNaN(Date.parse(defaulted.metadata.occurredAt))).toBe(false);
      expect(defaulted.metadata.actor).toEqual(expect.objectContaining({ role: expect.any(String) }));
    });

    it('is not affected by later changes to the objects the caller appended or read', async () => {
      const store = await ctx.create();
      const data = { list: [1, 2] };
      await store.appendToStream('s-1', [anEvent('Listed', data)]);
      data.list.push(3);
      const [first] = await collect(store.readStream('s-1'));
      try {
        (first.data as { list: number[] }).list.push(4);
      } catch {
        // A frozen event refusing the change is as good as a copy.
      }
      const [again] = await collect(store.readStream('s-1'));
      expect(again.data).toEqual({ list: [1, 2] });
    });
  });
}
