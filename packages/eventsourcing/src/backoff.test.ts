import { backoffDelay } from './backoff';

describe('backoffDelay', () => {
  const policy = { initialDelayMs: 10, maxDelayMs: 100 };

  it('grows by the factor and stops at the ceiling without jitter', () => {
    const delays = [0, 1, 2, 3, 4, 5].map((retry) => backoffDelay(retry, { ...policy, jitter: 'none' }));
    expect(delays).toEqual([10, 20, 40, 80, 100, 100]);
    expect(backoffDelay(2, { ...policy, factor: 3, jitter: 'none' })).toBe(90);
  });

  it('keeps equal jitter between half the delay and the delay (the default)', () => {
    expect(backoffDelay(2, policy, () => 0)).toBe(20);
    expect(backoffDelay(2, policy, () => 0.5)).toBe(30);
    expect(backoffDelay(2, policy, () => 0.999)).toBeCloseTo(39.98);
    expect(backoffDelay(9, policy, () => 0)).toBe(50);
  });

  it('spreads full jitter from zero to the delay', () => {
    expect(backoffDelay(1, { ...policy, jitter: 'full' }, () => 0)).toBe(0);
    expect(backoffDelay(1, { ...policy, jitter: 'full' }, () => 0.5)).toBe(10);
  });

  it('spreads writers that failed together over different delays', () => {
    const delays = new Set(Array.from({ length: 20 }, () => backoffDelay(3, policy)));
    expect(delays.size).toBeGreaterThan(10);
    for (const delay of delays) {
      expect(delay).toBeGreaterThanOrEqual(40);
      expect(delay).toBeLessThanOrEqual(80);
    }
  });

  it('treats a negative retry number as the first retry', () => {
    expect(backoffDelay(-1, { ...policy, jitter: 'none' })).toBe(10);
  });
});
