import type {
  EventStore,
  RunningProjection,
  Runnable,
  RunProjectionOptions,
} from '@cartes-badges/eventsourcing';
import { startProjection } from '@cartes-badges/eventsourcing';

/** Options of a supervised runner. */
export interface SuperviseOptions extends RunProjectionOptions {
  /** Told of each failure that stopped the runner (it is restarted after a delay). */
  readonly onError?: (name: string, error: unknown) => void;
  /** Delay before the first restart (default 1 s), doubled up to `maxRestartDelayMs` (default 60 s). */
  readonly restartDelayMs?: number;
  readonly maxRestartDelayMs?: number;
}

/** A runner that restarts after a failure. */
export interface SupervisedRunner {
  stop(): Promise<void>;
  /** Resolves once the current runner has applied every event stored at the time of the call. */
  whenIdle(): Promise<void>;
}

/**
 * Keeps a projection or reactor running: when it stops on a failure (a notifier down longer
 * than its retries, a read model unavailable) it restarts from its checkpoint after a growing
 * delay, so nothing stays unapplied or unsent for good.
 */
export function superviseRunner(
  store: EventStore,
  runnable: Runnable,
  options: SuperviseOptions = {},
): SupervisedRunner {
  let stopped = false;
  let current: RunningProjection;
  let delay = options.restartDelayMs ?? 1000;
  let timer: NodeJS.Timeout | undefined;
  const launch = (): void => {
    const running = startProjection(store, runnable, options);
    current = running;
    running.done.then(
      () => undefined,
      (error: unknown) => {
        if (stopped) return;
        options.onError?.(runnable.name, error);
        timer = setTimeout(() => {
          timer = undefined;
          if (!stopped) launch();
        }, delay);
        delay = Math.min(delay * 2, options.maxRestartDelayMs ?? 60_000);
      },
    );
  };
  launch();
  return {
    async stop() {
      stopped = true;
      if (timer !== undefined) clearTimeout(timer);
      await current.stop();
    },
    whenIdle: () => current.whenIdle(),
  };
}
