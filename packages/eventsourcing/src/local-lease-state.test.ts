import { localLeaseState } from './worker-lease';

/** A lease state on a clock the test moves, counting how often it was given up. */
function onClock(heldUntil: number) {
  let clock = 0;
  let givenUp = 0;
  let lost = false;
  const state = localLeaseState({ heldUntil, now: () => clock, onGiveUp: () => void (givenUp += 1) });
  void state.lost.then(() => (lost = true));
  return {
    state,
    at: (ms: number) => void (clock = ms),
    givenUp: () => givenUp,
    lost: async () => {
      await Promise.resolve();
      return lost;
    },
  };
}

describe('localLeaseState: the holder’s own view of a database lease', () => {
  it('is held until its time by the local clock, then gives itself up, once', async () => {
    const lease = onClock(100);
    lease.at(99);
    expect(lease.state.isHeld()).toBe(true);
    expect(await lease.lost()).toBe(false);
    lease.at(100);
    expect(lease.state.isHeld()).toBe(false);
    expect(lease.state.isHeld()).toBe(false);
    expect(lease.givenUp()).toBe(1);
    expect(await lease.lost()).toBe(true);
  });

  it('is given up once, whoever asks first: the first giveUp says true, the next ones false', () => {
    const lease = onClock(100);
    expect(lease.state.giveUp()).toBe(true);
    expect(lease.state.giveUp()).toBe(false);
    lease.at(200);
    expect(lease.state.isHeld()).toBe(false);
    expect(lease.givenUp()).toBe(1);
  });

  it('a renewal extends it; an older expiry learned later never shortens it', () => {
    const lease = onClock(100);
    lease.state.heldUntil(300);
    lease.state.heldUntil(150);
    lease.at(250);
    expect(lease.state.isHeld()).toBe(true);
    lease.at(300);
    expect(lease.state.isHeld()).toBe(false);
  });
});
