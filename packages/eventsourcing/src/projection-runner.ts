import type { GlobalPosition, RecordedEvent } from './events';
import { isNoChangeMarker } from './no-change-marker';
import { batchSizeOf } from './run-options';
import { readAllInPages } from './paged-read';
import type { Runnable } from './projection-target';
import type { EventStore, Subscription } from './store';
import { reportLag, refreshMetrics } from './telemetry/metrics';
import { TELEMETRY } from './telemetry/names';
import { countEventsAfter } from './telemetry/projection-lag';
import { inSpan, type SpanStart } from './telemetry/spans';

/** Progress of a projection run, for a progress bar. */
export interface ProjectionProgress {
  readonly eventsProcessed: number;
  readonly position: GlobalPosition | undefined;
}

/** Options of the projection runner. */
export interface RunProjectionOptions {
  /** Events applied per batch, i.e. per transaction of a SQL target (default 100). */
  readonly batchSize?: number;
  /** Called after each batch applied. */
  readonly onProgress?: (progress: ProjectionProgress) => void;
}

/** Loads the checkpoint; resets the target when the projection's version changed. */
async function prepare(runnable: Runnable): Promise<GlobalPosition | undefined> {
  const stored = await runnable.target.readCheckpoint();
  if (runnable.version !== undefined && stored?.version !== runnable.version) {
    if (!runnable.target.reset)
      throw new Error(`Projection ${runnable.name}: its target cannot be reset for a rebuild`);
    await runnable.target.reset(runnable.version);
    return undefined;
  }
  return stored?.position;
}

/**
 * Gives a batch to the target without the kernel's no-change markers (no projection or reactor
 * ever sees one); a batch of markers only moves no checkpoint: the runner's position passes
 * them, and a restart reads them again and skips them again.
 */
async function applyWithoutMarkers(
  runnable: Runnable,
  batch: readonly RecordedEvent[],
  checkpoint: GlobalPosition,
): Promise<void> {
  const events = batch.some(isNoChangeMarker) ? batch.filter((e) => !isNoChangeMarker(e)) : batch;
  if (events.length === 0) return;
  const start = (): SpanStart => ({
    name: `${TELEMETRY.spans.projectionBatch} ${runnable.name}`,
    attributes: {
      [TELEMETRY.attributes.projection]: runnable.name,
      [TELEMETRY.attributes.eventCount]: events.length,
      [TELEMETRY.attributes.position]: String(checkpoint),
    },
  });
  await inSpan(start, () => runnable.target.applyBatch(events, checkpoint));
  refreshMetrics();
}

const after = (position: GlobalPosition | undefined, event: RecordedEvent): boolean =>
  position === undefined || event.globalPosition > position;

/**
 * Catch-up only: applies every event after the checkpoint (all of them after a rebuild) in
 * batches, then stops. For CLI rebuilds and analysts' projections over the whole history.
 */
export async function runProjectionOnce(
  store: EventStore,
  runnable: Runnable,
  options: RunProjectionOptions = {},
): Promise<ProjectionProgress> {
  const batchSize = batchSizeOf(runnable, options);
  let position = await prepare(runnable);
  let eventsProcessed = 0;
  let batch: RecordedEvent[] = [];
  const flush = async (): Promise<void> => {
    if (batch.length === 0) return;
    const last = batch[batch.length - 1].globalPosition;
    await applyWithoutMarkers(runnable, batch, last);
    eventsProcessed += batch.length;
    position = last;
    batch = [];
    options.onProgress?.({ eventsProcessed, position });
  };
  for await (const page of readAllInPages(store, { after: position, filter: runnable.filter, batchSize })) {
    for (const event of page) {
      // At-least-once delivery: whatever is at or below the checkpoint is already applied.
      if (!after(position, event)) continue;
      batch.push(event);
      if (batch.length >= batchSize) await flush();
    }
  }
  await flush();
  return { eventsProcessed, position };
}

/** A projection or reactor following the store live. */
export interface RunningProjection {
  /** Stops following (flushing what it holds); resolves once stopped. */
  stop(): Promise<void>;
  /** Resolves once every matching event stored at the time of the call is applied. */
  whenIdle(): Promise<void>;
  /** The checkpoint applied so far. */
  position(): GlobalPosition | undefined;
  /** Resolves when stopped; rejects with the failure that stopped the runner. */
  readonly done: Promise<void>;
}

/**
 * Catches up from the checkpoint, then follows live appends (one subscription, so no gap at
 * the switch), applying events in batches: a batch closes when full or when caught up.
 * A failure (of the store or the target) stops the runner: `done` rejects with it and the
 * checkpoint stays at the last batch applied, so a restart resumes there.
 */
export function startProjection(
  store: EventStore,
  runnable: Runnable,
  options: RunProjectionOptions = {},
): RunningProjection {
  const batchSize = batchSizeOf(runnable, options);
  let position: GlobalPosition | undefined;
  let lastSeen: GlobalPosition | undefined;
  let eventsProcessed = 0;
  let buffer: RecordedEvent[] = [];
  let failure: { error: unknown } | undefined;
  let stopped = false;
  let subscription: Subscription | undefined;
  let chain: Promise<void> = Promise.resolve();
  const waiters = new Set<{
    target: GlobalPosition;
    resolve: () => void;
    reject: (error: unknown) => void;
  }>();

  const settleWaiters = (): void => {
    for (const waiter of waiters) {
      if (failure) waiter.reject(failure.error);
      else if (position !== undefined && position >= waiter.target) waiter.resolve();
      else if (stopped) waiter.reject(new Error(`Projection ${runnable.name} stopped before catching up`));
      else continue;
      waiters.delete(waiter);
    }
  };
  const fail = (error: unknown): void => {
    failure ??= { error };
    settleWaiters();
    void subscription?.close();
  };
  const flush = async (): Promise<void> => {
    if (buffer.length === 0 || failure) return;
    const batch = buffer;
    buffer = [];
    const last = batch[batch.length - 1].globalPosition;
    await applyWithoutMarkers(runnable, batch, last);
    position = last;
    eventsProcessed += batch.length;
    options.onProgress?.({ eventsProcessed, position });
    settleWaiters();
  };
  // Batches are applied one after the other, whoever asks for the flush.
  const scheduleFlush = (): Promise<void> => (chain = chain.then(flush).catch(fail));

  const ready = prepare(runnable).then((checkpoint) => {
    position = checkpoint;
    lastSeen = checkpoint;
  });
  // Measured only when an OpenTelemetry SDK collects metrics, and only while this runner runs.
  const stopReportingLag = reportLag(runnable.name, async () =>
    failure || stopped ? undefined : countEventsAfter(store, position, runnable.filter),
  );

  const done = (async () => {
    try {
      await ready;
      if (stopped) return;
      subscription = store.subscribe({
        after: position,
        filter: runnable.filter,
        onCaughtUp: () => void scheduleFlush(),
      });
      for await (const event of subscription) {
        if (!after(lastSeen, event)) continue;
        lastSeen = event.globalPosition;
        buffer.push(event);
        if (buffer.length >= batchSize) await scheduleFlush();
        if (failure) break;
      }
      await scheduleFlush();
    } catch (error) {
      fail(error);
    } finally {
      stopped = true;
      stopReportingLag();
      settleWaiters();
    }
    if (failure) throw failure.error;
  })();
  // The caller may never look at `done`; its failure is also given by whenIdle.
  done.catch(() => undefined);

  return {
    position: () => position,
    done,
    async stop() {
      stopped = true;
      await ready.catch(() => undefined);
      await subscription?.close();
      await done.catch(() => undefined);
    },
    async whenIdle() {
      await ready;
      if (failure) throw failure.error;
      let target: GlobalPosition | undefined;
      for await (const page of readAllInPages(store, { after: position, filter: runnable.filter })) {
        if (page.length > 0) target = page[page.length - 1].globalPosition;
      }
      if (target === undefined || (position !== undefined && position >= target)) return;
      const goal = target;
      await new Promise<void>((resolve, reject) => {
        waiters.add({ target: goal, resolve, reject });
        settleWaiters();
      });
    },
  };
}
