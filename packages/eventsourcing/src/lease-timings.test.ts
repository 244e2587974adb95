import { leaseTimings } from './lease-timings';

describe('leaseTimings', () => {
  it('defaults to 15 s leases renewed every third, retried every second at most', () => {
    expect(leaseTimings('leases', {})).toEqual({ ttlMs: 15_000, renewEveryMs: 5_000, retryEveryMs: 1_000 });
    expect(leaseTimings('leases', { ttlMs: 600 })).toEqual({
      ttlMs: 600,
      renewEveryMs: 200,
      retryEveryMs: 200,
    });
    expect(leaseTimings('leases', { ttlMs: 100, renewEveryMs: 1, retryEveryMs: 2 ** 31 - 1 })).toEqual({
      ttlMs: 100,
      renewEveryMs: 1,
      retryEveryMs: 2 ** 31 - 1,
    });
  });

  it.each([
    [{ ttlMs: 99 }, 'ttlMs must be a number of milliseconds from 100 to 2147483647, got 99'],
    [{ ttlMs: Number.NaN }, 'ttlMs must be a number of milliseconds from 100 to 2147483647, got NaN'],
    [{ ttlMs: Infinity }, 'ttlMs must be a number of milliseconds from 100 to 2147483647, got Infinity'],
    // A NaN renewal period renewed every millisecond; a NaN retry period polled with no pause.
    [
      { renewEveryMs: Number.NaN },
      'renewEveryMs must be a number of milliseconds from 1 to 2147483647, got NaN',
    ],
    [{ renewEveryMs: 0 }, 'renewEveryMs must be a number of milliseconds from 1 to 2147483647, got 0'],
    [
      { retryEveryMs: Number.NaN },
      'retryEveryMs must be a number of milliseconds from 1 to 2147483647, got NaN',
    ],
    [
      { retryEveryMs: Infinity },
      'retryEveryMs must be a number of milliseconds from 1 to 2147483647, got Infinity',
    ],
    [{ retryEveryMs: '50' }, 'retryEveryMs must be a number of milliseconds from 1 to 2147483647, got "50"'],
  ])('refuses %p, naming the lease store and the timing', (options, message) => {
    expect(() => leaseTimings('createPostgresLeases', options as never)).toThrow(
      new RangeError(`createPostgresLeases: ${message}`),
    );
  });

  it.each([
    [null, 'null'],
    ['15000', '"15000"'],
    [15_000, '15000'],
  ])('refuses options %p that are not an object, naming the lease store', (options, shown) => {
    expect(() => leaseTimings('createPostgresLeases', options as never)).toThrow(
      new TypeError(`createPostgresLeases: options must be an object such as { ttlMs: 15000 }, got ${shown}`),
    );
  });
});
