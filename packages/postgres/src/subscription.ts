import type { RecordedEvent, SubscribeOptions, Subscription } from '@cartes-badges/eventsourcing';
import { atMostSqlBigint, type ReadPipeline } from '@cartes-badges/eventsourcing/adapter';
import type { Pool } from 'pg';
import { DEFAULT_BATCH_SIZE } from './read-stream';
import type { EventStatistics } from './event-statistics';
import { readSettledPage } from './settled-page';

/** What a subscription needs from its store. */
export interface SubscriptionContext {
  readonly pool: Pool;
  readonly schema: string;
  readonly pipeline: ReadPipeline;
  readonly pollIntervalMs: number;
  readonly statistics: EventStatistics;
  /** Registers a wake-up (notification, local append, listener reconnect); returns its removal. */
  register(wake: () => void): () => void;
}

/**
 * Catch-up then live: reads settled pages from the checkpoint; once caught up, sleeps until a
 * notification, a local append or the poll interval. Catch-up and live are the same loop over
 * the same exclusive position, so the switch can neither skip nor repeat an event.
 */
export function createSubscription(context: SubscriptionContext, options: SubscribeOptions): Subscription {
  const { pool, schema, pipeline } = context;
  let closed = false;
  // Set by every wake-up; cleared before each read, so a wake-up during a read is not lost.
  let dirty = true;
  let interruptWait: (() => void) | undefined;
  const wake = (): void => {
    dirty = true;
    interruptWait?.();
  };
  const unregister = context.register(wake);

  const wait = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        interruptWait = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      interruptWait = done;
    });

  async function* follow(): AsyncGenerator<RecordedEvent> {
    try {
      const filter = pipeline.storageFilter(options.filter);
      let after = atMostSqlBigint(options.after ?? 0n);
      let heldBackDelay = 2;
      while (!closed) {
        dirty = false;
        const page = await readSettledPage(pool, schema, {
          after,
          limit: DEFAULT_BATCH_SIZE,
          filter,
          statistics: context.statistics,
        });
        for (const stored of page.events) {
          if (closed) return;
          after = stored.globalPosition;
          const event = pipeline.readMatching(stored, options.filter);
          if (event) yield event;
        }
        if (closed) return;
        if (page.heldBack) {
          // Committed events wait behind an older open transaction: look again soon.
          if (page.events.length > 0) heldBackDelay = 2;
          await wait(heldBackDelay);
          heldBackDelay = Math.min(heldBackDelay * 2, context.pollIntervalMs);
          continue;
        }
        heldBackDelay = 2;
        if (!page.exhausted) continue;
        options.onCaughtUp?.();
        if (!dirty && !closed) await wait(context.pollIntervalMs);
      }
    } finally {
      closed = true;
      unregister();
    }
  }

  const iterator = follow();
  return {
    [Symbol.asyncIterator]: () => iterator,
    async close() {
      closed = true;
      unregister();
      interruptWait?.();
    },
  };
}
