/**
 * Wakes waiting subscriptions when new events may have been committed. Each notification bumps
 * a generation number; a subscription notes the generation before it reads, and after a short
 * read waits only if no notification came in between, so a commit that lands during the read is
 * never slept through.
 */
export class CommitSignal {
  private generationValue = 0;
  private waiters: Array<{ resolve: () => void; reject: (error: unknown) => void }> = [];
  private failure: { error: unknown } | undefined;

  /** The number of notifications so far. */
  get generation(): number {
    return this.generationValue;
  }

  /** New events may be visible: wake every waiter. */
  notify(): void {
    this.generationValue++;
    const waiters = this.waiters;
    this.waiters = [];
    for (const waiter of waiters) waiter.resolve();
  }

  /** Something broke (the poller could not read the file): every waiter, present and future, rejects. */
  fail(error: unknown): void {
    this.failure = { error };
    const waiters = this.waiters;
    this.waiters = [];
    for (const waiter of waiters) waiter.reject(error);
  }

  /** Resolves once the generation differs from `seen`, at once if it already does. */
  waitBeyond(seen: number): Promise<void> {
    if (this.failure) return Promise.reject(this.failure.error);
    if (this.generationValue !== seen) return Promise.resolve();
    return new Promise((resolve, reject) => this.waiters.push({ resolve, reject }));
  }
}
