import {
  backoffDelay,
  type BackoffPolicy,
  type ReadAllOptions,
  type RecordedEvent,
} from '@cartes-badges/eventsourcing';
import { atMostSqlBigint, type ReadPipeline } from '@cartes-badges/eventsourcing/adapter';
import type { Pool } from 'pg';
import { DEFAULT_BATCH_SIZE, positiveInteger } from './read-stream';
import type { EventStatistics } from './event-statistics';
import { readSettledPage } from './settled-page';

// Rows held back by an older open transaction are usually released within milliseconds.
const HELD_BACK_BACKOFF: BackoffPolicy = { initialDelayMs: 2, maxDelayMs: 50 };

/** What readAll needs from its store. */
export interface ReadAllContext {
  readonly pool: Pool;
  readonly schema: string;
  readonly pipeline: ReadPipeline;
  readonly heldBackTimeoutMs: number;
  readonly statistics: EventStatistics;
}

/** `readAll` one event at a time, over `readAllPages`. */
export async function* readAllEvents(
  context: ReadAllContext,
  options: ReadAllOptions,
): AsyncGenerator<RecordedEvent> {
  for await (const page of readAllPages(context, options)) yield* page;
}

/**
 * Reads the global order page by page, from `after` (exclusive) up to the last event stored
 * when the read began. Events held back behind an older open transaction are waited for (they
 * are committed: leaving them out would make "every event" false), up to `heldBackTimeoutMs`.
 * Yields one array per page read (never an empty one): one await per page, not per event.
 */
export async function* readAllPages(
  context: ReadAllContext,
  options: ReadAllOptions,
): AsyncGenerator<readonly RecordedEvent[]> {
  const { pool, schema, pipeline } = context;
  const batchSize = positiveInteger(options.batchSize, DEFAULT_BATCH_SIZE, 'batchSize');
  let remaining = options.maxCount ?? Infinity;
  if (remaining <= 0) return;
  const filter = pipeline.storageFilter(options.filter);
  // The bound (the last event stored when the read began) comes with the first page, read by
  // the same statement: one round trip fewer, and no row of that page lies beyond it.
  let upTo: bigint | undefined;
  let after = atMostSqlBigint(options.after ?? 0n);
  let waitingSince: number | undefined;
  let waits = 0;
  while (upTo === undefined || after < upTo) {
    const page = await readSettledPage(pool, schema, {
      after,
      upTo,
      limit: batchSize,
      filter,
      statistics: context.statistics,
      withLastPosition: upTo === undefined,
    });
    upTo ??= page.lastPosition;
    const events: RecordedEvent[] = [];
    for (const stored of page.events) {
      after = stored.globalPosition;
      const event = pipeline.readMatching(stored, options.filter);
      if (!event) continue;
      events.push(event);
      if (--remaining <= 0) break;
    }
    if (events.length > 0) yield events;
    if (remaining <= 0) return;
    // A page without rows is exhausted, so the bound is known from here on.
    if (page.exhausted || upTo === undefined) return;
    if (!page.heldBack) continue;
    if (page.events.length > 0) {
      waitingSince = undefined;
      waits = 0;
    }
    waitingSince ??= Date.now();
    if (Date.now() - waitingSince > context.heldBackTimeoutMs) {
      throw new Error(
        `readAll: the events after global position ${after} are committed but held back for ${context.heldBackTimeoutMs} ms ` +
          'by an older transaction that is still open, which could still commit events placed before them. ' +
          'Look for a long or idle-in-transaction session in pg_stat_activity.',
      );
    }
    await sleep(backoffDelay(waits++, HELD_BACK_BACKOFF));
  }
}

/** Resolves after `ms` milliseconds. */
export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
