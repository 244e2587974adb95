import type { ClientCalls } from './client-port';
import { createStoreOnCalls } from './eventstoredb-store';

// The options are checked when the store is made, before any call to the server.
const untouched = new Proxy({} as ClientCalls, {
  get(_target, property) {
    throw new Error(`the client was used (${String(property)})`);
  },
});

describe('the EventStoreDB store refuses numeric options it would misread', () => {
  it.each([
    [{ resubscribeAttempts: Number.NaN }, 'resubscribeAttempts must be an integer of at least 0, got NaN'],
    [{ appendRetries: Number.NaN }, 'appendRetries must be an integer of at least 0, got NaN'],
    [{ appendRetries: -1 }, 'appendRetries must be an integer of at least 0, got -1'],
    [{ readBatchSize: 1.5 }, 'readBatchSize must be an integer of at least 1, got 1.5'],
    [{ readBatchSize: 0 }, 'readBatchSize must be an integer of at least 1, got 0'],
    [{ readBatchSize: '100' }, 'readBatchSize must be an integer of at least 1, got "100"'],
    [
      { retryDelayMs: Number.NaN },
      'retryDelayMs must be a number of milliseconds from 0 to 2147483647, got NaN',
    ],
  ])('%p', (options, message) => {
    expect(() => createStoreOnCalls(untouched, options as never)).toThrow(
      new RangeError(`EventStoreDB store: ${message}`),
    );
  });

  it('takes the options a caller means: no retry, no resubscription, one event per page, no delay', () => {
    expect(() =>
      createStoreOnCalls(untouched, {
        appendRetries: 0,
        resubscribeAttempts: 0,
        readBatchSize: 1,
        retryDelayMs: 0,
      }),
    ).not.toThrow();
  });
});
