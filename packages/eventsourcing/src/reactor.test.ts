import { createInMemoryEventStore } from './in-memory-store';
import { runProjectionOnce, startProjection } from './projection-runner';
import { createInMemoryReactorLedger, defineReactor, reactorRunnable } from './reactor';
import { retryWithBackoff } from './retry';
import { counted } from './testing';

// An effect that fails every other call and records what it really did.
function flakyNotifier() {
  let calls = 0;
  const sent: string[] = [];
  const reactor = defineReactor({
    name: 'notifier',
    filter: { streamPrefix: 'acc-' },
    retry: { initialDelayMs: 1, maxAttempts: 3 },
    react: async (event, key) => {
      calls++;
      if (calls % 2 === 1) throw new Error('SMTP timeout');
      sent.push(`${key}:${event.streamId}@${event.version}`);
    },
  });
  return { reactor, sent, calls: () => calls };
}

describe('reactors', () => {
  it('apply a flaky effect exactly once per event, also across a restart', async () => {
    const store = createInMemoryEventStore();
    const { reactor, sent } = flakyNotifier();
    const saved = { done: new Set<string>() };
    await store.appendToStream('acc-1', counted(3));
    await store.appendToStream('other', counted(2));
    const first = startProjection(store, reactorRunnable(reactor, createInMemoryReactorLedger(saved)), {
      batchSize: 2,
    });
    await first.whenIdle();
    await first.stop();
    await store.appendToStream('acc-2', counted(2));
    const second = startProjection(store, reactorRunnable(reactor, createInMemoryReactorLedger(saved)));
    await store.appendToStream('acc-1', counted(1, 3));
    await second.whenIdle();
    await second.stop();
    const ids: string[] = [];
    for await (const event of store.readAll({ filter: { streamPrefix: 'acc-' } })) ids.push(event.eventId);
    expect(sent.map((s) => s.split(':')[0])).toEqual(ids);
    expect(sent.map((s) => s.split(':')[1])).toEqual([
      'acc-1@0',
      'acc-1@1',
      'acc-1@2',
      'acc-2@0',
      'acc-2@1',
      'acc-1@3',
    ]);
  });

  it('does not move the checkpoint past an effect that keeps failing; a restart resumes it', async () => {
    const store = createInMemoryEventStore();
    await store.appendToStream('acc-1', counted(4));
    const saved = { done: new Set<string>() };
    const sent: number[] = [];
    let broken = true;
    const reactor = defineReactor({
      name: 'mailer',
      retry: { initialDelayMs: 1, maxAttempts: 2 },
      react: async (event) => {
        const n = (event.data as { n: number }).n;
        if (n === 2 && broken) throw new Error('mailbox unavailable');
        sent.push(n);
      },
    });
    await expect(
      runProjectionOnce(store, reactorRunnable(reactor, createInMemoryReactorLedger(saved))),
    ).rejects.toThrow('mailbox unavailable');
    expect(sent).toEqual([0, 1]);
    expect(saved).toMatchObject({ checkpoint: { position: 2n } });
    broken = false;
    await runProjectionOnce(store, reactorRunnable(reactor, createInMemoryReactorLedger(saved)));
    expect(sent).toEqual([0, 1, 2, 3]);
  });

  it('skips an effect already recorded as done even when redelivered before the checkpoint', async () => {
    const store = createInMemoryEventStore();
    await store.appendToStream('acc-1', counted(2));
    const saved = { done: new Set<string>() };
    const sent: string[] = [];
    const reactor = defineReactor({ name: 'r', react: async (event) => void sent.push(event.eventId) });
    await runProjectionOnce(store, reactorRunnable(reactor, createInMemoryReactorLedger(saved)));
    // A crash after the effects but before the checkpoint: the checkpoint is lost, the ledger is not.
    delete (saved as { checkpoint?: unknown }).checkpoint;
    await runProjectionOnce(store, reactorRunnable(reactor, createInMemoryReactorLedger(saved)));
    expect(sent).toHaveLength(2);
  });
});

describe('retryWithBackoff', () => {
  it('retries with growing, bounded delays, then gives up with the last error', async () => {
    const delays: number[] = [];
    let attempts = 0;
    const failing = () => {
      attempts++;
      return Promise.reject(new Error(`failure ${attempts}`));
    };
    await expect(
      retryWithBackoff(failing, {
        maxAttempts: 4,
        initialDelayMs: 1,
        factor: 3,
        maxDelayMs: 5,
        jitter: 'none',
        onRetry: (_e, _a, delay) => delays.push(delay),
      }),
    ).rejects.toThrow('failure 4');
    expect(delays).toEqual([1, 3, 5]);
  });
});
