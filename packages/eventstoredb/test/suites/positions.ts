import { scaledTimeout } from '@cartes-badges/eventsourcing/testing';
import type { EventToAppend } from '@cartes-badges/eventsourcing';
import { collect } from '@cartes-badges/eventsourcing/testing';
import { createStoreOnCalls, decodePosition } from '../../src';
import { disposedAfterEachTest, STAND_IN_TARGETS, storeStarter } from '../stand-in-harness';
import type { StoreUnderTest, Target } from '../store-under-test';
import type { ClientKind } from '../test-clients';

const opened = (count: number, from = 0): EventToAppend[] =>
  Array.from({ length: count }, (_, n) => ({ type: 'Opened', data: { n: from + n } }) as EventToAppend);

/** Each event's own `$all` position, as a server since 20.x reports it, in what appends return. */
export function describePositions(client: ClientKind, targets: readonly Target[] = STAND_IN_TARGETS): void {
  jest.setTimeout(scaledTimeout(60_000));
  const track = disposedAfterEachTest();

  describe.each(targets.map((target) => [target.label, target] as const))(
    `positions in $all (${client}, %s)`,
    (_label, target) => {
      const startOnTarget = storeStarter({ client, target });
      const start = async (): Promise<StoreUnderTest> => track(await startOnTarget());

      it('a one-event append returns the event as a read gives it, at its own position', async () => {
        const { store } = await start();
        const returned = [];
        // Interleaved streams, so that a position taken from the wrong write would show.
        for (let i = 0; i < 6; i++) {
          const result = await store.appendToStream(`dossier-${i % 2}`, opened(1, i));
          expect(result.events).toHaveLength(1);
          expect(result.globalPosition).toBe(result.events?.[0].globalPosition);
          returned.push(...(result.events ?? []));
        }
        const all = await collect(store.readAll());
        expect(all).toEqual(returned);
      });

      it('a one-event append at the version just written costs one client call, no read', async () => {
        const { calls, namespace } = await start();
        const counts = { append: 0, reads: 0 };
        const store = createStoreOnCalls(
          {
            ...calls,
            append: (...args) => ((counts.append += 1), calls.append(...args)),
            readStream: (...args) => ((counts.reads += 1), calls.readStream(...args)),
            readAll: (...args) => ((counts.reads += 1), calls.readAll(...args)),
          },
          { namespace },
        );
        const versions = [-1, -1, -1];
        for (let i = 0; i < 30; i++) {
          const result = await store.appendToStream(`dossier-${i % 3}`, opened(1, i), {
            expectedVersion: versions[i % 3],
          });
          versions[i % 3] = result.nextExpectedVersion;
        }
        expect(counts).toEqual({ append: 30, reads: 0 });
        await store.close();
      });

      it('the events of one write each have their own position (commit = prepare), in write order', async () => {
        const { store } = await start();
        const result = await store.appendToStream('dossier-1', opened(4));
        const stream = await collect(store.readStream('dossier-1'));
        const positions = stream.map((event) => decodePosition(event.globalPosition));
        for (const position of positions) expect(position.commit).toBe(position.prepare);
        const commits = positions.map((position) => position.commit);
        expect(new Set(commits).size).toBe(4);
        expect([...commits].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))).toEqual(commits);
        expect(result.globalPosition).toBe(stream[3].globalPosition);
        // Reading `$all` after the write's first event gives the others, not the whole write again.
        const after = await collect(store.readAll({ after: stream[0].globalPosition }));
        expect(after.map((event) => event.version)).toEqual([1, 2, 3]);
      });
    },
  );
}
