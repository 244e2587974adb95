import type { EventStoreDBClient } from '@eventstore/db-client';
import type { EventStore, Subscription } from '@cartes-badges/eventsourcing';
import {
  checkReadAllOptions,
  checkReadStreamOptions,
  checkSubscribeOptions,
  createReadPipeline,
} from '@cartes-badges/eventsourcing/adapter';
import { appendToStream } from './append';
import { eventStoreDbCalls } from './client-calls';
import { HeadCache } from './head-cache';
import type { ClientCalls } from './client-port';
import { readAll, readAllPages } from './read-all';
import { readStream, readStreamPages } from './read-stream';
import type { EventStoreDBStoreOptions, StoreContext } from './store-context';
import { checkEventStoreDBStoreOptions } from './store-options-check';
import { subscribe } from './subscription';

/**
 * The kernel's event store on EventStoreDB, through `@eventstore/db-client`. The client stays
 * the caller's: `close()` ends this store's subscriptions, not the client's connection.
 */
export function createEventStoreDBStore(
  client: EventStoreDBClient,
  options: EventStoreDBStoreOptions = {},
): EventStore {
  return createStoreOnCalls(eventStoreDbCalls(client), options);
}

/** The same store on any implementation of the client calls (another client, a test double). */
export function createStoreOnCalls(calls: ClientCalls, options: EventStoreDBStoreOptions = {}): EventStore {
  checkEventStoreDBStoreOptions(options);
  const ctx: StoreContext = {
    calls,
    heads: new HeadCache(),
    pipeline: createReadPipeline(options),
    appendMemo: {},
    clock: options.clock ?? (() => new Date()),
    signer: options.signer,
    namespace: options.namespace ?? '',
    readBatchSize: options.readBatchSize ?? 256,
    appendRetries: options.appendRetries ?? 2,
    resubscribeAttempts: options.resubscribeAttempts ?? 20,
    retryDelayMs: options.retryDelayMs ?? 50,
  };
  const subscriptions = new Set<Subscription>();
  let closed = false;
  const closedError = (): Error => new Error('The EventStoreDB event store is closed');
  const assertOpen = (): void => {
    if (closed) throw closedError();
  };

  return {
    // Not one more async layer (a promise and its ticks per append): a closed store's refusal
    // is a rejected promise all the same.
    appendToStream(streamId, events, appendOptions) {
      if (closed) return Promise.reject(closedError());
      return appendToStream(ctx, streamId, events, appendOptions);
    },
    readStream(streamId, readOptions) {
      assertOpen();
      return readStream(ctx, streamId, checkReadStreamOptions(readOptions));
    },
    readAll(readOptions) {
      assertOpen();
      return readAll(ctx, checkReadAllOptions(readOptions));
    },
    readStreamPages(streamId, readOptions) {
      assertOpen();
      return readStreamPages(ctx, streamId, checkReadStreamOptions(readOptions));
    },
    readAllPages(readOptions) {
      assertOpen();
      return readAllPages(ctx, checkReadAllOptions(readOptions));
    },
    subscribe(subscribeOptions) {
      assertOpen();
      const subscription = subscribe(ctx, checkSubscribeOptions(subscribeOptions), (ended) =>
        subscriptions.delete(ended),
      );
      subscriptions.add(subscription);
      return subscription;
    },
    async close() {
      closed = true;
      await Promise.all([...subscriptions].map((subscription) => subscription.close()));
    },
  };
}
