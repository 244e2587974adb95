import { backoffDelay, checkDelayMs } from './backoff';
import type { Logger } from './logger';
import { failureReporter } from './logger';
import type { RunningProjection, RunProjectionOptions } from './projection-runner';
import { startProjection } from './projection-runner';
import { batchSizeOf } from './run-options';
import type { Runnable } from './projection-target';
import type { EventStore } from './store';
import type { HeldLease, WorkerLeases } from './worker-lease';
import { leasedRunnable, pauseUnlessAborted } from './worker-lease';
import { waitForCheckpoint } from './wait-for-checkpoint';

/** Options of a supervised runner. */
export interface SuperviseOptions extends RunProjectionOptions {
  /** Told of each failure that stopped the runner (it is restarted after a delay). */
  readonly onError?: (name: string, error: unknown) => void;
  /** Told each failure as `logger.warn({ err, worker }, msg)` (pino's signature) when no `onError` is given; default stderr. */
  readonly logger?: Logger;
  /** Delay before the first restart (default 1 s), doubled up to `maxRestartDelayMs` (default 60 s), with jitter. */
  readonly restartDelayMs?: number;
  readonly maxRestartDelayMs?: number;
  /**
   * When several instances share one store: the runner applies only while it holds the lease
   * named for its projection or reactor, hands over when it loses it, and takes over when the
   * holder dies. Without it, every instance that starts runs everything.
   */
  readonly leases?: WorkerLeases;
}

/** A runner that restarts after a failure. */
export interface SupervisedRunner {
  stop(): Promise<void>;
  /**
   * Resolves once every event stored at the time of the call is applied: by this runner when it
   * holds the lease, else by whichever instance holds it (read from the stored checkpoint).
   */
  whenIdle(): Promise<void>;
  /** Whether this instance is the one applying (always true without leases, once started). */
  isActive(): boolean;
}

/**
 * Keeps a projection or reactor running: when it stops on a failure (a notifier down longer
 * than its retries, a read model unavailable) it restarts from its checkpoint after a growing
 * delay, so nothing stays unapplied or unsent for good. With leases, it first waits to hold
 * the lease, runs only while holding it, and gives it up on a failure so that another
 * instance may take over during the delay.
 */
export function superviseRunner(
  store: EventStore,
  runnable: Runnable,
  options: SuperviseOptions = {},
): SupervisedRunner {
  // Checked at once: each would otherwise fail every start and restart the runner in a loop
  // (a batch size), or restart it with no pause at all (a NaN or negative delay).
  batchSizeOf(runnable, options);
  checkDelayMs(options.restartDelayMs, `Runner ${runnable.name}: restartDelayMs`);
  checkDelayMs(options.maxRestartDelayMs, `Runner ${runnable.name}: maxRestartDelayMs`);
  const abort = new AbortController();
  let current: RunningProjection | undefined;
  const restartBackoff = {
    initialDelayMs: options.restartDelayMs ?? 1000,
    maxDelayMs: options.maxRestartDelayMs ?? 60_000,
  };
  let restarts = 0;
  // Without onError nor logger a failure goes to stderr: a runner restarting in a loop is never unseen.
  const tell = failureReporter(options, 'worker', 'projection runner stopped, restarting');
  const report = (error: unknown): void => tell(runnable.name, error);

  const runOnce = async (): Promise<void> => {
    let lease: HeldLease | undefined;
    if (options.leases) {
      lease = await options.leases.acquire(runnable.name, abort.signal);
      if (lease === undefined) return;
    }
    const running = startProjection(store, lease ? leasedRunnable(runnable, lease) : runnable, options);
    current = running;
    const outcome = await Promise.race([
      running.done.then(
        () => ({ kind: 'stopped' as const }),
        (error: unknown) => ({ kind: 'failed' as const, error }),
      ),
      ...(lease ? [lease.lost.then(() => ({ kind: 'lost' as const }))] : []),
    ]);
    current = undefined;
    await running.stop();
    await lease?.release().catch(() => undefined);
    if (outcome.kind === 'failed' && !abort.signal.aborted) {
      report(outcome.error);
      await pauseUnlessAborted(backoffDelay(restarts++, restartBackoff), abort.signal);
    }
  };
  const loop = (async () => {
    while (!abort.signal.aborted) {
      try {
        await runOnce();
      } catch (error) {
        // The lease store unreachable: told, then tried again after the delay.
        report(error);
        await pauseUnlessAborted(backoffDelay(restarts++, restartBackoff), abort.signal);
      }
    }
  })();

  return {
    async stop() {
      abort.abort();
      await current?.stop();
      await loop;
    },
    async whenIdle() {
      const running = current;
      if (running) return running.whenIdle();
      if (abort.signal.aborted) return undefined;
      return waitForCheckpoint(store, runnable, abort.signal);
    },
    isActive: () => current !== undefined,
  };
}
