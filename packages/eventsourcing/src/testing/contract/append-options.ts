/// <reference types="jest" />
import type { AppendOptions } from '../../store';
import { ConcurrencyError } from '../../errors';
import { anEvent, collect, versionsOf } from '../fixtures';
import type { ContractContext } from '../store-harness';

// Expected versions a clumsy caller gives: text from a header, a fraction, JSON's null, a
// misspelt keyword, the options as a bare string. Each was a ConcurrencyError ("expected
// version 0, actual version 0": a retrying caller retried forever) or, for null and the bare
// string, no check at all: the append went onto a stream the caller believed new.
const BAD_OPTIONS: readonly [string, unknown][] = [
  ['the version as text', { expectedVersion: '0' }],
  ['a fraction', { expectedVersion: 0.5 }],
  ['below -1', { expectedVersion: -2 }],
  ['NaN', { expectedVersion: Number.NaN }],
  ['a bigint', { expectedVersion: 0n }],
  ['null', { expectedVersion: null }],
  ['a misspelt keyword', { expectedVersion: 'no-stream' }],
  ['options as a bare string', 'no_stream'],
  ['options as null', null],
];

/** appendToStream's options: refused alike by every store, naming them, nothing written. */
export function appendOptionsContract(ctx: ContractContext): void {
  describe('append options', () => {
    it.each(BAD_OPTIONS)('refuses %s with a TypeError naming it, and writes nothing', async (_name, bad) => {
      const store = await ctx.create();
      await store.appendToStream('held-1', [anEvent('Opened')]);
      for (const streamId of ['held-1', 'new-1']) {
        const error: unknown = await store
          .appendToStream(streamId, [anEvent('Named')], bad as AppendOptions)
          .then(
            () => undefined,
            (caught: unknown) => caught,
          );
        expect(error).toBeInstanceOf(TypeError);
        expect(error).not.toBeInstanceOf(ConcurrencyError);
        expect((error as Error).message).toMatch(/^appendToStream: (expectedVersion|options) must be/);
      }
      expect(versionsOf(await collect(store.readStream('held-1')))).toEqual([0]);
      expect(await collect(store.readStream('new-1'))).toEqual([]);
    });

    it('takes -1 as a stream that does not exist yet, as no_stream', async () => {
      const store = await ctx.create();
      await store.appendToStream('s-1', [anEvent('Opened')], { expectedVersion: -1 });
      await expect(store.appendToStream('s-1', [anEvent('Named')], { expectedVersion: -1 })).rejects.toThrow(
        ConcurrencyError,
      );
      expect(versionsOf(await collect(store.readStream('s-1')))).toEqual([0]);
    });
  });
}
