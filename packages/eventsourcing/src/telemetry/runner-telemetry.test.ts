import { installInMemoryTelemetry, type InMemoryTelemetry } from '../__tests__/in-memory-telemetry';
import type { EventToAppend, GlobalPosition, RecordedEvent } from '../events';
import { createInMemoryEventStore } from '../in-memory-store';
import { startProjection } from '../projection-runner';
import type { Runnable } from '../projection-target';
import { createInMemoryReactorLedger, defineReactor, reactorRunnable } from '../reactor';
import { TELEMETRY } from './names';

const A = TELEMETRY.attributes;
const events = (n: number): EventToAppend[] =>
  Array.from({ length: n }, (_, i) => ({ type: 'Counted', data: { i } }));

let telemetry: InMemoryTelemetry;
beforeAll(() => {
  telemetry = installInMemoryTelemetry();
});
afterEach(() => telemetry.reset());
afterAll(() => telemetry.uninstall());

/** A target that applies nothing until the test opens its gate. */
function gatedTarget(): { runnable: Runnable; open: () => void; applied: RecordedEvent[] } {
  let open!: () => void;
  const gate = new Promise<void>((resolve) => (open = resolve));
  const applied: RecordedEvent[] = [];
  let checkpoint: GlobalPosition | undefined;
  return {
    open,
    applied,
    runnable: {
      name: 'gated-list',
      target: {
        readCheckpoint: async () => (checkpoint === undefined ? undefined : { position: checkpoint }),
        applyBatch: async (batch, position) => {
          await gate;
          applied.push(...batch);
          checkpoint = position;
        },
      },
    },
  };
}

describe('projection runner telemetry', () => {
  it('the lag gauge counts the matching events behind a running projection, down to 0, and measures no more once stopped', async () => {
    const store = createInMemoryEventStore();
    await store.appendToStream('s-1', events(5));
    const { runnable, open, applied } = gatedTarget();
    const running = startProjection(store, runnable, { batchSize: 2 });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await telemetry.gauge(TELEMETRY.metrics.projectionLag, A.projection)).toEqual({ 'gated-list': 5 });

    open();
    await running.whenIdle();
    expect(applied).toHaveLength(5);
    expect(await telemetry.gauge(TELEMETRY.metrics.projectionLag, A.projection)).toEqual({ 'gated-list': 0 });
    await store.appendToStream('s-1', events(1));
    await running.whenIdle();
    const batches = telemetry.spansNamed(TELEMETRY.spans.projectionBatch);
    expect(batches.map((s) => s.attributes[A.eventCount])).toEqual([2, 2, 1, 1]);
    expect(batches[0].name).toBe(`${TELEMETRY.spans.projectionBatch} gated-list`);

    await running.stop();
    await store.appendToStream('s-1', events(3));
    // A cumulative reader repeats the last value it saw; a stopped runner observes nothing new.
    expect(await telemetry.gauge(TELEMETRY.metrics.projectionLag, A.projection)).toEqual({ 'gated-list': 0 });
  });

  it('a batch whose target fails ends its span in error', async () => {
    const store = createInMemoryEventStore();
    await store.appendToStream('s-1', events(1));
    const running = startProjection(store, {
      name: 'broken-list',
      target: {
        readCheckpoint: async () => undefined,
        applyBatch: async () => {
          throw new Error('read model unavailable');
        },
      },
    });
    await expect(running.done).rejects.toThrow('read model unavailable');
    const [batch] = telemetry.spansNamed(TELEMETRY.spans.projectionBatch);
    expect(batch.status).toMatchObject({ code: 2, message: 'read model unavailable' });
  });
});

describe('reactor telemetry', () => {
  it('one delivery span per event; a failed attempt is counted as a retry; a redelivery says skipped', async () => {
    const store = createInMemoryEventStore();
    await store.appendToStream('s-1', events(2));
    const before = await telemetry.counter(TELEMETRY.metrics.reactorRetries, { [A.projection]: 'notifier' });
    let failures = 1;
    const reactor = defineReactor({
      name: 'notifier',
      retry: { initialDelayMs: 1 },
      react: async () => {
        if (failures-- > 0) throw new Error('mail server down');
      },
    });
    const ledger = createInMemoryReactorLedger();
    const first = startProjection(store, reactorRunnable(reactor, ledger));
    await first.whenIdle();
    await first.stop();
    // Run again from no checkpoint with the same ledger: every effect is already done.
    ledger.saved.checkpoint = undefined;
    const again = startProjection(store, reactorRunnable(reactor, ledger));
    await again.whenIdle();
    await again.stop();

    const deliveries = telemetry.spansNamed(TELEMETRY.spans.reactorDelivery);
    expect(deliveries.map((s) => [s.attributes[A.stream], s.attributes[A.skipped]])).toEqual([
      ['s-1', false],
      ['s-1', false],
      ['s-1', true],
      ['s-1', true],
    ]);
    expect(await telemetry.counter(TELEMETRY.metrics.reactorRetries, { [A.projection]: 'notifier' })).toBe(
      before + 1,
    );
  });
});
