import type {
  EventFilter,
  RecordedEvent,
  SubscribeOptions,
  Subscription,
} from '@cartes-badges/eventsourcing';
import { streamPrefixes } from '@cartes-badges/eventsourcing/adapter';
import type { WireFilter, WirePosition, WireSubscription } from './client-port';
import { SubscriptionDroppedError } from './errors';
import { fromWireRecord } from './event-mapping';
import { comparePositions, decodePosition } from './positions';
import { storagePrefilter } from './read-all';
import type { StoreContext } from './store-context';
import { ownStreamIdOf, retryDelay } from './store-context';

/**
 * A catch-up subscription to `$all` that survives dropped connections: after a transient
 * failure it subscribes again strictly after the last event it delivered. Never after a
 * filter checkpoint: the server's checkpoint tells how far its filter searched, which can be
 * past events still on their way (resuming there would skip them). Events at or before the
 * last delivered position are dropped, so a resume never delivers one twice.
 */
export function subscribe(
  ctx: StoreContext,
  options: SubscribeOptions,
  onEnd: (subscription: Subscription) => void,
): Subscription {
  let closed = false;
  let current: WireSubscription | undefined;
  const prefilter = storagePrefilter(ctx, options.filter);
  const serverFilter = serverFilterOf(ctx, options.filter);

  async function* follow(): AsyncGenerator<RecordedEvent> {
    let lastDelivered: WirePosition | undefined =
      options.after === undefined ? undefined : decodePosition(options.after);
    let failures = 0;
    try {
      while (!closed) {
        current = ctx.calls.subscribeToAll({ after: lastDelivered, filter: serverFilter });
        // The server says "caught up" once per subscription; every event after it is live.
        let live = false;
        try {
          for await (const item of current) {
            if (closed) return;
            failures = 0;
            if (item.kind === 'caught-up') {
              live = true;
              options.onCaughtUp?.();
              continue;
            }
            const record = item.record;
            if (!record.position) continue;
            if (lastDelivered && comparePositions(record.position, lastDelivered) <= 0) continue;
            const streamId = ownStreamIdOf(ctx, record);
            const event =
              streamId !== undefined && prefilter(streamId, record.type)
                ? ctx.pipeline.readMatching(fromWireRecord(record, streamId), options.filter)
                : undefined;
            // Skipped events move the resume point too: they need not be searched again.
            lastDelivered = record.position;
            if (event) {
              yield event;
              // A live event, once taken, is the last stored that the consumer knows of: say so,
              // or a runner would hold a partial batch until more events come (maybe never).
              if (live) options.onCaughtUp?.();
            }
          }
          if (closed) return;
          // The server ended a subscription that should never end: treat it as a drop.
          throw new Error('the server ended the subscription');
        } catch (error) {
          if (closed) return;
          if (!isResumable(ctx, error)) throw error;
          if (failures >= ctx.resubscribeAttempts) throw new SubscriptionDroppedError(failures, error);
          await retryDelay(ctx, failures);
          failures += 1;
        } finally {
          await current.close().catch(() => undefined);
        }
      }
    } finally {
      closed = true;
      onEnd(subscription);
    }
  }

  const iterator = follow();
  const subscription: Subscription = {
    [Symbol.asyncIterator]: () => iterator,
    async close() {
      if (closed) return;
      closed = true;
      await current?.close().catch(() => undefined);
      onEnd(subscription);
    },
  };
  return subscription;
}

function isResumable(ctx: StoreContext, error: unknown): boolean {
  return (
    ctx.calls.isTransient(error) ||
    (error instanceof Error && error.message === 'the server ended the subscription')
  );
}

// Regex metacharacters of an event type name, escaped for the server's regex filter.
const escapeRegex = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The part of the filter the server can apply (one criterion: stream prefixes, or else event
 * types); the rest is checked here. Without either, system events are left out on the server.
 */
export function serverFilterOf(ctx: StoreContext, filter: EventFilter | undefined): WireFilter {
  const stored = ctx.pipeline.storageFilter(filter);
  const prefixes = streamPrefixes(stored);
  if (prefixes)
    return { kind: 'stream-prefixes', prefixes: prefixes.map((prefix) => ctx.namespace + prefix) };
  if (ctx.namespace) return { kind: 'stream-prefixes', prefixes: [ctx.namespace] };
  const types = stored?.eventTypes;
  if (types) return { kind: 'event-type-regex', regex: `^(?:${types.map(escapeRegex).join('|')})$` };
  return { kind: 'exclude-system-events' };
}
