/** How to retry a failing effect: exponential backoff, bounded. */
export interface RetryPolicy {
  /** Attempts in all, the first included (default 5). */
  readonly maxAttempts?: number;
  /** Delay before the second attempt (default 100 ms); doubled (by `factor`) each time. */
  readonly initialDelayMs?: number;
  readonly factor?: number;
  /** Ceiling of the delay (default 10 s). */
  readonly maxDelayMs?: number;
  /** Called after each failed attempt that will be retried. */
  readonly onRetry?: (error: unknown, attempt: number, delayMs: number) => void;
}

/** Runs `effect` until it succeeds or the attempts run out (then throws the last error). */
export async function retryWithBackoff<T>(effect: () => Promise<T>, policy: RetryPolicy = {}): Promise<T> {
  const maxAttempts = policy.maxAttempts ?? 5;
  let delay = policy.initialDelayMs ?? 100;
  for (let attempt = 1; ; attempt++) {
    try {
      return await effect();
    } catch (error) {
      if (attempt >= maxAttempts) throw error;
      const wait = Math.min(delay, policy.maxDelayMs ?? 10_000);
      policy.onRetry?.(error, attempt, wait);
      await new Promise((resolve) => setTimeout(resolve, wait));
      delay *= policy.factor ?? 2;
    }
  }
}
