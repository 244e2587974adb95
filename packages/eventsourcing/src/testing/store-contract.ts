/// <reference types="jest" />
import type { EventStore } from '../store';
import { appendContract } from './contract/append';
import { appendOptionsContract } from './contract/append-options';
import { appendedEventsContract } from './contract/appended-events';
import { concurrencyContract } from './contract/concurrency';
import { hashChainContract } from './contract/hash-chain';
import { hashChainCoverageContract } from './contract/hash-chain-coverage';
import { invalidEventsContract } from './contract/invalid-events';
import { readAllContract } from './contract/read-all';
import { readOptionsContract } from './contract/read-options';
import { readStreamContract } from './contract/read-stream';
import { signaturesContract } from './contract/signatures';
import { subscribeContract } from './contract/subscribe';
import { upcastingContract } from './contract/upcasting';
import type { ContractContext, StoreHarness } from './store-harness';
import { describeSkipped } from './skipped-suite';

/**
 * The event store contract: one jest `describe` that runs every promise of the port against a
 * store. A new store is proven by one line: `runEventStoreContract('SQLite', harness)`.
 */
export function runEventStoreContract(storeName: string, harness: StoreHarness): void {
  const title = `EventStore contract: ${storeName}`;
  if (harness.skip) {
    describeSkipped(title, harness.skip);
    return;
  }

  describe(title, () => {
    const open: EventStore[] = [];
    const ctx: ContractContext = {
      async create(options) {
        const store = await harness.create(options);
        open.push(store);
        return store;
      },
      tamper: (store) => harness.tamper(store),
    };

    afterEach(async () => {
      await Promise.all(open.splice(0).map((store) => store.close()));
    });
    afterAll(async () => {
      await harness.teardown?.();
    });

    appendContract(ctx);
    appendOptionsContract(ctx);
    if (harness.returnsAppendedEvents) appendedEventsContract(ctx);
    concurrencyContract(ctx);
    readStreamContract(ctx);
    readAllContract(ctx);
    readOptionsContract(ctx);
    subscribeContract(ctx);
    upcastingContract(ctx);
    invalidEventsContract(ctx);
    hashChainContract(ctx);
    hashChainCoverageContract(ctx);
    signaturesContract(ctx);
  });
}
