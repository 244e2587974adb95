/// <reference types="jest" />
// Shared by the SQLite and PostgreSQL read-model tests (test code, never published).
import type { ListReadModel } from '@cartes-badges/domain';
import { seededRandom } from '@cartes-badges/domain/fixtures';
import { createInMemoryListReadModel } from '@cartes-badges/lists';
import { randomChanges, randomQuery } from './random-list-rows';

/** What a parity run compared. */
export interface ParityFigures {
  readonly commits: number;
  readonly queries: number;
  readonly nonEmptyPages: number;
}

/**
 * Test-only: feeds the same random commits (and the odd reset) to the reference (the in-memory
 * model unless another is given) and to `model`, and after each commit compares the checkpoint,
 * `getRows` and many random queries.
 */
export async function expectSameAsInMemory(
  model: ListReadModel,
  options: {
    seed: number;
    commits: number;
    queriesPerCommit: number;
    dossiers: number;
    reference?: ListReadModel;
  },
): Promise<ParityFigures> {
  const reference = options.reference ?? createInMemoryListReadModel();
  const random = seededRandom(options.seed);
  const ids = Array.from(
    { length: options.dossiers },
    (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
  );
  let position = 0n;
  let queries = 0;
  let nonEmptyPages = 0;
  for (let commit = 1; commit <= options.commits; commit++) {
    if (random.next() < 0.03) {
      const version = random.int(1, 3);
      await Promise.all([reference.reset(version), model.reset(version)]);
    } else {
      const changes = randomChanges(random, ids, random.int(0, 40));
      position += BigInt(random.int(1, 50));
      const checkpoint = { position, version: 1 };
      await reference.commit(changes, checkpoint);
      await model.commit(changes, checkpoint);
    }
    expect(await model.readCheckpoint()).toEqual(await reference.readCheckpoint());
    const asked = [...ids.filter(() => random.next() < 0.2), 'not-a-dossier'];
    expect(await model.getRows(asked)).toEqual(await reference.getRows(asked));
    for (let q = 0; q < options.queriesPerCommit; q++) {
      const query = randomQuery(random);
      const expected = await reference.query(query);
      const actual = await model.query(query);
      if (JSON.stringify(actual) !== JSON.stringify(expected)) {
        // Full diff only on failure (toEqual on every query is slow).
        expect({ query: JSON.stringify(query), result: actual }).toEqual({
          query: JSON.stringify(query),
          result: expected,
        });
      }
      queries += 1;
      if (expected.rows.length > 0) nonEmptyPages += 1;
    }
  }
  // Every row, listed or not.
  expect(await model.getRows(ids)).toEqual(await reference.getRows(ids));
  return { commits: options.commits, queries, nonEmptyPages };
}
