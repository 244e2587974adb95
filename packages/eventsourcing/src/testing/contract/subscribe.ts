/// <reference types="jest" />
import type { RecordedEvent } from '../../events';
import type { Subscription } from '../../store';
import { anEvent, collect, counted, nextTurn } from '../fixtures';
import type { ContractContext } from '../store-harness';

// Takes `count` events from a subscription, then closes it; fails instead of hanging.
async function take(subscription: Subscription, count: number, timeoutMs = 15000): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = [];
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`subscription gave ${events.length} of ${count} events`)),
      timeoutMs,
    );
  });
  const reading = (async () => {
    if (count === 0) return;
    for await (const event of subscription) {
      events.push(event);
      if (events.length >= count) break;
    }
  })();
  try {
    await Promise.race([reading, timeout]);
  } finally {
    clearTimeout(timer);
    await subscription.close();
  }
  return events;
}

const keyOf = (e: RecordedEvent): string => `${e.streamId}@${e.version}`;

/** subscribe: catch-up then live, no gap, no duplicate; checkpoint; close; errors. */
export function subscribeContract(ctx: ContractContext): void {
  describe('subscribe', () => {
    it('started at the beginning while writers append, sees every event exactly once, in global order', async () => {
      const store = await ctx.create();
      await store.appendToStream('early', counted(5));
      const subscription = store.subscribe();
      const received = take(subscription, 5 + 4 * 25);
      await Promise.all(
        Array.from({ length: 4 }, async (_, writer) => {
          for (let n = 0; n < 25; n++) {
            await store.appendToStream(`writer-${writer}`, [anEvent('Written', { writer, n })]);
            if (n % 5 === 0) await nextTurn();
          }
        }),
      );
      const events = await received;
      const all = await collect(store.readAll());
      expect(events.map(keyOf)).toEqual(all.map(keyOf));
      expect(new Set(events.map(keyOf)).size).toBe(105);
      for (let i = 1; i < events.length; i++)
        expect(events[i].globalPosition > events[i - 1].globalPosition).toBe(true);
    });

    it('resumes strictly after a checkpoint, then follows live appends', async () => {
      const store = await ctx.create();
      await store.appendToStream('s-1', counted(3));
      const checkpoint = (await collect(store.readAll()))[1].globalPosition;
      const subscription = store.subscribe({ after: checkpoint });
      const received = take(subscription, 3);
      await nextTurn();
      await store.appendToStream('s-2', counted(2, 100));
      const events = await received;
      expect(events.map(keyOf)).toEqual(['s-1@2', 's-2@0', 's-2@1']);
    });

    it('applies its filter to past and live events', async () => {
      const store = await ctx.create();
      await store.appendToStream('dossier-1', [anEvent('Opened'), anEvent('Noted')]);
      await store.appendToStream('liste-1', [anEvent('Opened')]);
      const subscription = store.subscribe({ filter: { streamPrefix: 'dossier-', eventTypes: ['Opened'] } });
      const received = take(subscription, 2);
      await store.appendToStream('liste-2', [anEvent('Opened')]);
      await store.appendToStream('dossier-2', [anEvent('Noted'), anEvent('Opened')]);
      expect((await received).map(keyOf)).toEqual(['dossier-1@0', 'dossier-2@1']);
    });

    it('calls onCaughtUp once the stored events are delivered', async () => {
      const store = await ctx.create();
      await store.appendToStream('s-1', counted(3));
      const seenWhenCaughtUp: number[] = [];
      const events: RecordedEvent[] = [];
      let caughtUp!: () => void;
      const reached = new Promise<void>((resolve) => (caughtUp = resolve));
      const subscription = store.subscribe({
        onCaughtUp: () => {
          seenWhenCaughtUp.push(events.length);
          caughtUp();
        },
      });
      const reading = (async () => {
        for await (const event of subscription) events.push(event);
      })();
      await reached;
      await subscription.close();
      await reading;
      expect(seenWhenCaughtUp[0]).toBe(3);
    });

    it('ends the iteration when closed while waiting for live events', async () => {
      const store = await ctx.create();
      await store.appendToStream('s-1', counted(1));
      let caughtUp!: () => void;
      const reached = new Promise<void>((resolve) => (caughtUp = resolve));
      const subscription = store.subscribe({ onCaughtUp: () => caughtUp() });
      const events: RecordedEvent[] = [];
      const reading = (async () => {
        for await (const event of subscription) events.push(event);
        return 'ended';
      })();
      await reached;
      await subscription.close();
      await expect(reading).resolves.toBe('ended');
      await store.appendToStream('s-1', counted(1, 1));
      expect(events).toHaveLength(1);
    });

    it('ends open subscriptions when the store is closed', async () => {
      const store = await ctx.create();
      let caughtUp!: () => void;
      const reached = new Promise<void>((resolve) => (caughtUp = resolve));
      const subscription = store.subscribe({ onCaughtUp: () => caughtUp() });
      const reading = (async () => {
        for await (const _ of subscription) void _;
        return 'ended';
      })();
      await reached;
      await store.close();
      await expect(reading).resolves.toBe('ended');
    });
  });
}
