import type { ClientCalls } from '../client-port';
import { createEventStoreDBLeases } from './eventstoredb-leases';

// The timings are checked before the database is used: no call may be made.
const untouched = new Proxy({ isTransient: () => false } as unknown as ClientCalls, {
  get(target, property) {
    if (property === 'isTransient') return (target as { isTransient: unknown }).isTransient;
    throw new Error(`the client was used (${String(property)})`);
  },
});

describe('EventStoreDB leases refuse timings that would hammer the database', () => {
  it.each([
    [
      { renewEveryMs: Number.NaN },
      'renewEveryMs must be a number of milliseconds from 1 to 2147483647, got NaN',
    ],
    [
      { retryEveryMs: Number.NaN },
      'retryEveryMs must be a number of milliseconds from 1 to 2147483647, got NaN',
    ],
    [{ ttlMs: Infinity }, 'ttlMs must be a number of milliseconds from 100 to 2147483647, got Infinity'],
    [{ ttlMs: 50 }, 'ttlMs must be a number of milliseconds from 100 to 2147483647, got 50'],
  ])('%p', (options, message) => {
    expect(() => createEventStoreDBLeases(untouched, options)).toThrow(
      new RangeError(`createEventStoreDBLeases: ${message}`),
    );
  });
});

describe('EventStoreDB leases refuse a client or options that are not objects', () => {
  it.each([
    [null, 'null'],
    ['esdb://localhost:2113', 'string'],
  ])('client %p', (client, got) => {
    expect(() => createEventStoreDBLeases(client as never)).toThrow(
      new TypeError(`createEventStoreDBLeases: expected an EventStoreDB client, got ${got}`),
    );
  });

  it('null, before the client is used', () => {
    expect(() => createEventStoreDBLeases(untouched, null as never)).toThrow(
      new TypeError('createEventStoreDBLeases: options must be an object such as { ttlMs: 15000 }, got null'),
    );
  });
});
