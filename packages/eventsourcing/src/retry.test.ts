// retryWithBackoff: how many attempts, which errors, how long it waits, and what it tells onRetry.
import { retryWithBackoff } from './retry';

/** An effect that fails `failures` times with numbered errors, then gives 'done'. */
function failing(failures: number) {
  let calls = 0;
  const effect = () => {
    calls++;
    return calls <= failures ? Promise.reject(new Error(`failure ${calls}`)) : Promise.resolve('done');
  };
  return { effect, calls: () => calls };
}

describe('retryWithBackoff', () => {
  it('tries 5 times by default, then throws the last error', async () => {
    const { effect, calls } = failing(10);
    await expect(retryWithBackoff(effect, { initialDelayMs: 1, maxDelayMs: 1 })).rejects.toThrow('failure 5');
    expect(calls()).toBe(5);
  });

  it('gives the result of the first attempt that succeeds, telling onRetry each failure, attempt and delay', async () => {
    const { effect, calls } = failing(2);
    const told: [string, number, number][] = [];
    const result = await retryWithBackoff(effect, {
      maxAttempts: 3,
      initialDelayMs: 4,
      factor: 2,
      jitter: 'none',
      onRetry: (error, attempt, delay) => told.push([(error as Error).message, attempt, delay]),
    });
    expect(result).toBe('done');
    expect(calls()).toBe(3);
    expect(told).toEqual([
      ['failure 1', 1, 4],
      ['failure 2', 2, 8],
    ]);
  });

  it('caps the delay at maxDelayMs, 10 s by default', async () => {
    const delays: number[] = [];
    await retryWithBackoff(failing(2).effect, {
      maxAttempts: 3,
      initialDelayMs: 3,
      factor: 10,
      maxDelayMs: 5,
      jitter: 'none',
      onRetry: (_e, _a, d) => delays.push(d),
    });
    expect(delays).toEqual([3, 5]);

    jest.useFakeTimers();
    try {
      const byDefault: number[] = [];
      const retried = retryWithBackoff(failing(1).effect, {
        initialDelayMs: 20_000,
        jitter: 'none',
        onRetry: (_e, _a, d) => byDefault.push(d),
      });
      await jest.advanceTimersByTimeAsync(10_000);
      expect(await retried).toBe('done');
      expect(byDefault).toEqual([10_000]);
    } finally {
      jest.useRealTimers();
    }
  });

  it('throws at once an error retryIf refuses', async () => {
    const { effect, calls } = failing(3);
    await expect(
      retryWithBackoff(effect, { retryIf: (error) => (error as Error).message !== 'failure 1' }),
    ).rejects.toThrow('failure 1');
    expect(calls()).toBe(1);
  });

  it('stops once maxElapsedMs has passed, never waiting past it', async () => {
    jest.useFakeTimers();
    try {
      const { effect, calls } = failing(10);
      const delays: number[] = [];
      const retried = retryWithBackoff(effect, {
        initialDelayMs: 50,
        jitter: 'none',
        maxElapsedMs: 30,
        onRetry: (_e, _a, d) => delays.push(d),
      }).catch((error: unknown) => error);
      await jest.advanceTimersByTimeAsync(30);
      expect(await retried).toEqual(new Error('failure 2'));
      expect(calls()).toBe(2);
      expect(delays).toEqual([30]);
    } finally {
      jest.useRealTimers();
    }
  });

  it('waits 100 ms before the second attempt by default', async () => {
    const delays: number[] = [];
    await retryWithBackoff(failing(1).effect, { jitter: 'none', onRetry: (_e, _a, d) => delays.push(d) });
    expect(delays).toEqual([100]);
  });
});
