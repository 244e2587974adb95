import { v7 as uuidV7 } from 'uuid';

/** The source of new technical ids (UUIDs); deciders never make ids themselves. */
export interface IdGenerator {
  /** A new id, in UUID form. */
  newId(): string;
}

/**
 * Time-ordered version-7 UUIDs (RFC 9562): 48 bits of milliseconds, then random bits. These ids
 * are command ids that embeddings keep (idempotency tables, logs, HTTP replays), where ids that
 * sort by creation keep a B-tree index appending at its end instead of writing all over it.
 */
export const uuidIdGenerator: IdGenerator = { newId: () => uuidV7() };

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
