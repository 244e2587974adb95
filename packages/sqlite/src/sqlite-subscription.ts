import type { RecordedEvent, SubscribeOptions, Subscription } from '@cartes-badges/eventsourcing';
import { atMostSqlBigint, type ReadPipeline } from '@cartes-badges/eventsourcing/adapter';
import type { CommitSignal } from './commit-signal';
import type { EventQueries } from './event-queries';
import { rowToStoredEvent } from './event-row';
import { filterToSql } from './filter-sql';

/** What a subscription needs from its store. */
export interface SubscriptionContext {
  readonly queries: EventQueries;
  readonly pipeline: ReadPipeline;
  readonly signal: CommitSignal;
  readonly batchSize: number;
  /** Called once when the subscription starts (starts the poller) and once when it ends. */
  readonly onOpen: (subscription: Subscription) => void;
  readonly onClose: (subscription: Subscription) => void;
}

/**
 * Catch-up then live, with one loop: read the next page after the checkpoint; when a page comes
 * back short, everything committed so far has been delivered, so wait for the next commit
 * signal and read again. SQLite has one writer at a time and hands out positions as it
 * commits, so "everything above my checkpoint" never skips an event committed later with a
 * smaller position: there is none. No gap, no duplicate, across the switch and forever after.
 */
export function subscribeToStore(context: SubscriptionContext, options: SubscribeOptions): Subscription {
  const { queries, pipeline, signal, batchSize } = context;
  const filterSql = filterToSql(pipeline.storageFilter(options.filter));
  let closed = false;
  let wakeOnClose: (() => void) | undefined;
  const closedPromise = new Promise<void>((resolve) => (wakeOnClose = resolve));

  async function* follow(): AsyncGenerator<RecordedEvent> {
    try {
      let checkpoint = atMostSqlBigint(options.after ?? 0n);
      let freshSinceCaughtUp = true;
      while (!closed) {
        const seen = signal.generation;
        // Every event at or below the last position is committed (one writer at a time, positions
        // in commit order), so once a page comes back short the checkpoint can jump there: the
        // next wake scans only what is new, however rare the filter's matches.
        const upTo = queries.lastPosition();
        const rows = filterSql === null ? [] : queries.allPage(checkpoint, upTo, filterSql, batchSize);
        for (const row of rows) {
          if (closed) return;
          checkpoint = row.global_position;
          const event = pipeline.readMatching(rowToStoredEvent(row), options.filter);
          if (event !== undefined) yield event;
        }
        if (rows.length > 0) freshSinceCaughtUp = true;
        if (rows.length === batchSize || closed) continue;
        if (upTo > checkpoint) checkpoint = upTo;
        if (freshSinceCaughtUp) {
          freshSinceCaughtUp = false;
          options.onCaughtUp?.();
        }
        await Promise.race([signal.waitBeyond(seen), closedPromise]);
      }
    } finally {
      await subscription.close();
    }
  }

  const iterator = follow();
  const subscription: Subscription = {
    [Symbol.asyncIterator]: () => iterator,
    async close() {
      if (closed) return;
      closed = true;
      wakeOnClose?.();
      context.onClose(subscription);
    },
  };
  context.onOpen(subscription);
  return subscription;
}
