import { checkDelayMs } from '@cartes-badges/eventsourcing';
import type { EventStoreDBStoreOptions } from './store-context';

// The store's numeric options, checked when it is made: NaN passes every comparison the adapter
// makes as false, so `resubscribeAttempts: NaN` resubscribed for ever, `retryDelayMs: NaN`
// retried with no pause, `appendRetries: NaN` never retried, and `readBatchSize: NaN` or 1.5
// went to the server's wire.

/** Throws a RangeError naming the option unless each numeric option is what it must be. */
export function checkEventStoreDBStoreOptions(options: EventStoreDBStoreOptions): void {
  countOf(options.readBatchSize, 'readBatchSize', 1);
  countOf(options.appendRetries, 'appendRetries', 0);
  countOf(options.resubscribeAttempts, 'resubscribeAttempts', 0);
  checkDelayMs(options.retryDelayMs, 'EventStoreDB store: retryDelayMs');
}

function countOf(value: unknown, name: string, least: number): void {
  if (value === undefined || (typeof value === 'number' && Number.isSafeInteger(value) && value >= least))
    return;
  const shown = typeof value === 'string' ? JSON.stringify(value) : String(value);
  throw new RangeError(`EventStoreDB store: ${name} must be an integer of at least ${least}, got ${shown}`);
}
