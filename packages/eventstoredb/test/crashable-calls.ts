import type { ClientCalls, WireItem, WireSubscription } from '../src';

/**
 * A client's calls that can be cut at once, as a process that crashed or lost the network:
 * every call after `crash()` fails, and live subscriptions end with that failure. (Disposing a
 * client is not enough: the next call connects it again.)
 */
export function crashableCalls(calls: ClientCalls): { readonly calls: ClientCalls; crash(): void } {
  let crashed = false;
  const live = new Set<WireSubscription>();
  const failure = (): Error => new Error('the instance crashed');
  const unlessCrashed =
    <A extends unknown[], R>(call: (...args: A) => Promise<R>) =>
    (...args: A): Promise<R> =>
      crashed ? Promise.reject(failure()) : call(...args);
  return {
    crash() {
      crashed = true;
      for (const subscription of live) void subscription.close();
    },
    calls: {
      ...calls,
      append: unlessCrashed(calls.append),
      readStream: unlessCrashed(calls.readStream),
      readAll: unlessCrashed(calls.readAll),
      setMaxCount: unlessCrashed(calls.setMaxCount),
      subscribeToAll(options) {
        if (crashed) throw failure();
        const inner = calls.subscribeToAll(options);
        live.add(inner);
        async function* items(): AsyncGenerator<WireItem> {
          for await (const item of inner) {
            if (crashed) break;
            yield item;
          }
          if (crashed) throw failure();
        }
        return {
          [Symbol.asyncIterator]: items,
          close: async () => {
            live.delete(inner);
            await inner.close();
          },
        };
      },
    },
  };
}
