import type { Pool } from 'pg';

/**
 * Announces appends after they commit, coalesced: at most one NOTIFY in flight per store, and
 * one more after it when appends committed meanwhile, so that no commit goes unannounced.
 *
 * Why not inside the append transaction: a transaction that NOTIFYs takes a cluster-wide lock
 * from its commit until the commit is flushed, so notifying appends commit one at a time (we
 * measured half the throughput with 8 writers). A notification sent after commit is a hint
 * only: if the process dies between the two, subscribers still find the events at their
 * next poll. The NOTIFY's own commit skips the flush wait (synchronous_commit off): it has
 * nothing to make durable.
 */
export class AfterCommitNotifier {
  private inFlight: Promise<void> | undefined;
  private again = false;

  constructor(
    private readonly pool: Pool,
    private readonly channel: string,
  ) {}

  /** Called after each committed append. */
  notify(): void {
    if (this.inFlight) {
      this.again = true;
      return;
    }
    this.inFlight = this.send();
  }

  /** Waits for the NOTIFY in flight (before the pool closes). */
  async flush(): Promise<void> {
    await this.inFlight;
  }

  private async send(): Promise<void> {
    try {
      do {
        this.again = false;
        await this.pool.query(`SELECT set_config('synchronous_commit', 'off', true), pg_notify($1, '')`, [
          this.channel,
        ]);
      } while (this.again);
    } catch {
      // A lost wake-up only delays subscribers until their next poll; the append itself succeeded.
    } finally {
      this.inFlight = undefined;
    }
  }
}
