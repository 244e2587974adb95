import type { DomainEvent, GlobalPosition, RecordedEvent } from './events';
import type { ProjectionTarget, Runnable, StoredCheckpoint } from './projection-target';
import type { RetryPolicy } from './retry';
import { checkRetryPolicy, retryWithBackoff } from './retry';
import type { EventFilter } from './store';
import { countReactorRetry } from './telemetry/metrics';
import { TELEMETRY } from './telemetry/names';
import { inSpan, type SpanStart } from './telemetry/spans';

/** A side effect run once per event (a notification, a message to another system). */
export interface ReactorDefinition<E extends DomainEvent = DomainEvent> {
  readonly name: string;
  readonly filter?: EventFilter;
  /** The effect; `key` identifies the event, for a receiver that dedupes too. */
  readonly react: (event: RecordedEvent<E>, key: string) => Promise<void>;
  /** The dedupe key of an event (default: its event id). */
  readonly keyOf?: (event: RecordedEvent<E>) => string;
  readonly retry?: RetryPolicy;
}

/** Defines a reactor (checks its name). */
export function defineReactor<E extends DomainEvent = DomainEvent>(
  definition: ReactorDefinition<E>,
): ReactorDefinition<E> {
  if (!definition.name) throw new Error('A reactor needs a name');
  checkRetryPolicy(definition.retry, `Reactor ${definition.name}: retry`);
  return definition;
}

/** Where a reactor records its checkpoint and the effects already done. */
export interface ReactorLedger {
  readCheckpoint(): Promise<StoredCheckpoint | undefined>;
  saveCheckpoint(position: GlobalPosition): Promise<void>;
  isDone(key: string): Promise<boolean>;
  markDone(key: string, position: GlobalPosition): Promise<void>;
}

/** A reactor ledger in memory (its maps can be shared to survive a runner's restart). */
export function createInMemoryReactorLedger(
  saved: { checkpoint?: StoredCheckpoint; done: Set<string> } = { done: new Set() },
): ReactorLedger & { readonly saved: { checkpoint?: StoredCheckpoint; done: Set<string> } } {
  return {
    saved,
    readCheckpoint: async () => saved.checkpoint,
    saveCheckpoint: async (position) => {
      saved.checkpoint = { position };
    },
    isDone: async (key) => saved.done.has(key),
    markDone: async (key) => {
      saved.done.add(key);
    },
  };
}

/**
 * Runs a reactor's effect for each event of a batch: an effect already recorded as done is
 * skipped; a failing one is retried with backoff; if it still fails, the checkpoint is saved
 * just before that event and the error stops the runner, so that a restart resumes it.
 */
export function reactorTarget<E extends DomainEvent>(
  reactor: ReactorDefinition<E>,
  ledger: ReactorLedger,
): ProjectionTarget {
  // Checked here too: a reactor may be given without defineReactor.
  checkRetryPolicy(reactor.retry, `Reactor ${reactor.name}: retry`);
  const keyOf = reactor.keyOf ?? ((event: RecordedEvent<E>) => event.eventId);
  const retry: RetryPolicy = {
    ...reactor.retry,
    onRetry: (error, attempt, delayMs) => {
      countReactorRetry(reactor.name);
      reactor.retry?.onRetry?.(error, attempt, delayMs);
    },
  };
  // One span per event: the effect with its retries, or its skip when the ledger has it done.
  const deliver = (event: RecordedEvent<E>): Promise<void> => {
    const key = keyOf(event);
    const start = (): SpanStart => ({
      name: `${TELEMETRY.spans.reactorDelivery} ${reactor.name}`,
      attributes: {
        [TELEMETRY.attributes.projection]: reactor.name,
        [TELEMETRY.attributes.eventType]: event.type,
        [TELEMETRY.attributes.stream]: event.streamId,
        [TELEMETRY.attributes.key]: key,
      },
    });
    return inSpan(start, async (span) => {
      const done = await ledger.isDone(key);
      span.set(TELEMETRY.attributes.skipped, done);
      if (done) return;
      await retryWithBackoff(() => reactor.react(event, key), retry);
      await ledger.markDone(key, event.globalPosition);
    });
  };
  return {
    readCheckpoint: () => ledger.readCheckpoint(),
    async applyBatch(events: readonly RecordedEvent[], checkpoint: GlobalPosition) {
      let applied: GlobalPosition | undefined;
      try {
        for (const read of events) {
          await deliver(read as RecordedEvent<E>);
          applied = read.globalPosition;
        }
        applied = checkpoint;
      } finally {
        if (applied !== undefined) await ledger.saveCheckpoint(applied);
      }
    },
  };
}

/** A reactor ready for the projection runner. */
export function reactorRunnable<E extends DomainEvent>(
  reactor: ReactorDefinition<E>,
  ledger: ReactorLedger,
): Runnable {
  return { name: reactor.name, filter: reactor.filter, target: reactorTarget(reactor, ledger) };
}
