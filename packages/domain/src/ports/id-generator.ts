import { randomUUID } from 'node:crypto';

/** The source of new technical ids (UUIDs); deciders never make ids themselves. */
export interface IdGenerator {
  /** A new id, in UUID form. */
  newId(): string;
}

/** Random version-4 UUIDs. */
export const uuidIdGenerator: IdGenerator = { newId: () => randomUUID() };

/**
 * Deterministic UUID-shaped ids for tests and demos: `00000000-0000-4000-8000-000000000001`,
 * then `…002`, … `group` (0–0xffffffff) fills the first block, so two generators can be told apart.
 */
export function sequentialIdGenerator(group = 0): IdGenerator {
  if (!Number.isSafeInteger(group) || group < 0 || group > 0xffffffff) {
    throw new RangeError(`sequentialIdGenerator : groupe entre 0 et 4294967295 attendu, reçu ${group}`);
  }
  const prefix = group.toString(16).padStart(8, '0');
  let n = 0;
  return {
    newId: () => {
      n += 1;
      return `${prefix}-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
    },
  };
}
