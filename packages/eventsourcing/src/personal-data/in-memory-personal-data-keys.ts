import { randomBytes } from 'node:crypto';
import type { PersonalDataKeys } from './personal-data-keys';
import { checkSubject, PersonalDataErasedError, SUBJECT_KEY_BYTES } from './personal-data-keys';

/** Keys held in this process only (tests, the `memory:` store): they die with it. */
export function createInMemoryPersonalDataKeys(): PersonalDataKeys {
  // null: destroyed (the tombstone).
  const keys = new Map<string, Uint8Array | null>();
  return {
    async keyForWriting(subject) {
      checkSubject(subject);
      let key = keys.get(subject);
      if (key === null) throw new PersonalDataErasedError(subject);
      if (key === undefined) {
        key = randomBytes(SUBJECT_KEY_BYTES);
        keys.set(subject, key);
      }
      return key;
    },
    async keysFor(subjects) {
      const found = new Map<string, Uint8Array | null>();
      for (const subject of subjects) {
        const key = keys.get(subject);
        if (key !== undefined) found.set(subject, key);
      }
      return found;
    },
    async destroy(subject) {
      checkSubject(subject);
      const key = keys.get(subject);
      // Overwritten in place: a reader still holding the array gets zeros, not the key.
      if (key) key.fill(0);
      keys.set(subject, null);
      return key !== undefined && key !== null;
    },
    close: async () => undefined,
  };
}
