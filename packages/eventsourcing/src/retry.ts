import { backoffDelay, checkBackoffFactor, checkDelayMs, checkJitter, type BackoffPolicy } from './backoff';

/** How to retry a failing effect: exponential backoff with jitter, bounded. */
export interface RetryPolicy {
  /** Attempts in all, the first included (default 5). */
  readonly maxAttempts?: number;
  /** Delay before the second attempt (default 100 ms); doubled (by `factor`) each time. */
  readonly initialDelayMs?: number;
  readonly factor?: number;
  /** Ceiling of the delay (default 10 s). */
  readonly maxDelayMs?: number;
  /** How the delays are spread (default `equal`: between half the delay and the delay). */
  readonly jitter?: BackoffPolicy['jitter'];
  /** Stops retrying once this much time has passed since the first attempt (default: no limit). */
  readonly maxElapsedMs?: number;
  /** Which errors are worth another attempt (default: every error); any other is thrown at once. */
  readonly retryIf?: (error: unknown) => boolean;
  /** Called after each failed attempt that will be retried. */
  readonly onRetry?: (error: unknown, attempt: number, delayMs: number) => void;
}

/**
 * Throws a RangeError or TypeError naming the field (`${name}.maxAttempts`, ...) unless `policy`
 * is a retry policy: NaN attempts retried for ever, a NaN delay or an unknown jitter without a
 * pause between attempts.
 */
export function checkRetryPolicy(policy: RetryPolicy | undefined, name: string): void {
  if (policy === undefined) return;
  if (typeof policy !== 'object' || policy === null)
    throw new TypeError(`${name} must be an object such as { maxAttempts: 5 }, got ${String(policy)}`);
  const attempts: unknown = policy.maxAttempts;
  if (
    attempts !== undefined &&
    !(
      typeof attempts === 'number' &&
      (Number.isSafeInteger(attempts) || attempts === Infinity) &&
      attempts >= 1
    )
  )
    throw new RangeError(
      `${name}.maxAttempts must be an integer of at least 1 (or Infinity), got ${String(attempts)}`,
    );
  checkDelayMs(policy.initialDelayMs, `${name}.initialDelayMs`);
  checkDelayMs(policy.maxDelayMs, `${name}.maxDelayMs`);
  const elapsed: unknown = policy.maxElapsedMs;
  if (elapsed !== undefined && !(typeof elapsed === 'number' && elapsed >= 0))
    throw new RangeError(
      `${name}.maxElapsedMs must be a number of milliseconds of at least 0 (or Infinity), got ${String(elapsed)}`,
    );
  checkBackoffFactor(policy.factor, `${name}.factor`);
  checkJitter(policy.jitter, `${name}.jitter`);
  for (const hook of ['retryIf', 'onRetry'] as const)
    if (policy[hook] !== undefined && typeof policy[hook] !== 'function')
      throw new TypeError(`${name}.${hook} must be a function, got ${typeof policy[hook]}`);
}

/** Runs `effect` until it succeeds or the attempts run out (then throws the last error). */
export async function retryWithBackoff<T>(effect: () => Promise<T>, policy: RetryPolicy = {}): Promise<T> {
  checkRetryPolicy(policy, 'retryWithBackoff: policy');
  const maxAttempts = policy.maxAttempts ?? 5;
  const deadline = Date.now() + (policy.maxElapsedMs ?? Number.POSITIVE_INFINITY);
  const backoff: BackoffPolicy = {
    initialDelayMs: policy.initialDelayMs ?? 100,
    factor: policy.factor,
    maxDelayMs: policy.maxDelayMs ?? 10_000,
    jitter: policy.jitter,
  };
  for (let attempt = 1; ; attempt++) {
    try {
      return await effect();
    } catch (error) {
      const left = deadline - Date.now();
      if (attempt >= maxAttempts || left <= 0 || policy.retryIf?.(error) === false) throw error;
      const wait = Math.min(backoffDelay(attempt - 1, backoff), left);
      policy.onRetry?.(error, attempt, wait);
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }
}
