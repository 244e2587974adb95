// A runner waits on one AbortSignal for its whole life (pauses between restarts, waits for a
// lease): each wait must take its listener off the signal when it ends, or a long-lived runner
// piles them up (Node warns past 10, and each keeps its closure alive).
import { getEventListeners } from 'node:events';
import { createInProcessLeases, pauseUnlessAborted } from './worker-lease';

const abortListeners = (signal: AbortSignal) => getEventListeners(signal, 'abort').length;

describe('waits leave no listener on the signal', () => {
  it('pauseUnlessAborted, ended by its timer', async () => {
    const abort = new AbortController();
    for (let i = 0; i < 3; i++) await pauseUnlessAborted(1, abort.signal);
    expect(abortListeners(abort.signal)).toBe(0);
  });

  it('an in-process lease waited for, then released by its holder', async () => {
    const leases = createInProcessLeases();
    const abort = new AbortController();
    const held = await leases.acquire('list', abort.signal);
    const waiting = leases.acquire('list', abort.signal);
    await new Promise((resolve) => setImmediate(resolve));
    expect(abortListeners(abort.signal)).toBe(1);
    await held!.release();
    const next = await waiting;
    expect(next?.token).toBe(2n);
    expect(abortListeners(abort.signal)).toBe(0);
  });
});
