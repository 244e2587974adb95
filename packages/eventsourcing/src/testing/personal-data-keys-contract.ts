/// <reference types="jest" />
import type { PersonalDataKeys } from '../personal-data/personal-data-keys';
import { PersonalDataErasedError } from '../personal-data/personal-data-keys';
import { describeSkipped } from './skipped-suite';

/** What a `PersonalDataKeys` implementation's test gives the contract suite. */
export interface PersonalDataKeysHarness {
  /** Fresh, empty keys, isolated from every other set the suite creates. */
  create(): Promise<PersonalDataKeys>;
  /** The same storage opened again, as after a restart (omitted when nothing is kept). */
  reopen?(keys: PersonalDataKeys): Promise<PersonalDataKeys>;
  /** Called once after the whole suite. */
  teardown?(): Promise<void>;
  /** When a string, the suite is reported as skipped with that reason. */
  skip?: string | false;
}

const hex = (key: Uint8Array | null | undefined): string | null | undefined =>
  key ? Buffer.from(key).toString('hex') : key;

/** The contract every `PersonalDataKeys` implementation runs (memory, SQLite, PostgreSQL). */
export function runPersonalDataKeysContract(name: string, harness: PersonalDataKeysHarness): void {
  const title = `PersonalDataKeys contract: ${name}`;
  if (typeof harness.skip === 'string') {
    describeSkipped(title, harness.skip);
    return;
  }
  describe(title, () => {
    const opened: PersonalDataKeys[] = [];
    const track = (keys: PersonalDataKeys): PersonalDataKeys => {
      opened.push(keys);
      return keys;
    };
    const fresh = async (): Promise<PersonalDataKeys> => track(await harness.create());
    afterAll(async () => {
      for (const keys of opened) await keys.close();
      await harness.teardown?.();
    });

    it('gives one 32-byte key per subject, the same on every call, another for another subject', async () => {
      const keys = await fresh();
      const first = await keys.keyForWriting('dossier-a');
      expect(first).toHaveLength(32);
      expect(hex(await keys.keyForWriting('dossier-a'))).toBe(hex(first));
      expect(hex(await keys.keyForWriting('dossier-b'))).not.toBe(hex(first));
    });

    it('gives concurrent first callers the same key (never two keys for one subject)', async () => {
      const keys = await fresh();
      const got = await Promise.all(Array.from({ length: 12 }, () => keys.keyForWriting('dossier-race')));
      expect(new Set(got.map(hex)).size).toBe(1);
    });

    it('keysFor: a key, null once destroyed, absent when never keyed', async () => {
      const keys = await fresh();
      const kept = await keys.keyForWriting('dossier-kept');
      await keys.keyForWriting('dossier-gone');
      await keys.destroy('dossier-gone');
      const found = await keys.keysFor(['dossier-kept', 'dossier-gone', 'dossier-never']);
      expect(hex(found.get('dossier-kept'))).toBe(hex(kept));
      expect(found.get('dossier-gone')).toBeNull();
      expect(found.has('dossier-never')).toBe(false);
    });

    it('destroy is idempotent, and no key is made again for an erased subject', async () => {
      const keys = await fresh();
      await keys.keyForWriting('dossier-e');
      expect(await keys.destroy('dossier-e')).toBe(true);
      expect(await keys.destroy('dossier-e')).toBe(false);
      await expect(keys.keyForWriting('dossier-e')).rejects.toBeInstanceOf(PersonalDataErasedError);
      // A subject erased before it had any key stays erased too.
      expect(await keys.destroy('dossier-unkeyed')).toBe(false);
      await expect(keys.keyForWriting('dossier-unkeyed')).rejects.toBeInstanceOf(PersonalDataErasedError);
    });

    it('refuses a hostile subject id (empty, NUL, too long) without writing anything', async () => {
      const keys = await fresh();
      for (const subject of ['', 'dossier-\u0000x', 'x'.repeat(201)]) {
        await expect(keys.keyForWriting(subject)).rejects.toThrow(/subject/);
        await expect(keys.destroy(subject)).rejects.toThrow(/subject/);
      }
      expect((await keys.keysFor(['dossier-\u0000x'])).size).toBe(0);
    });

    if (harness.reopen) {
      const reopen = harness.reopen.bind(harness);
      it('keeps keys and tombstones across a restart', async () => {
        const keys = await fresh();
        const key = await keys.keyForWriting('dossier-durable');
        await keys.keyForWriting('dossier-shredded');
        await keys.destroy('dossier-shredded');
        const again = track(await reopen(keys));
        expect(hex(await again.keyForWriting('dossier-durable'))).toBe(hex(key));
        expect((await again.keysFor(['dossier-shredded'])).get('dossier-shredded')).toBeNull();
        await expect(again.keyForWriting('dossier-shredded')).rejects.toBeInstanceOf(PersonalDataErasedError);
      });
    }
  });
}
