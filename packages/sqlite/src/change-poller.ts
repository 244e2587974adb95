import type { Database } from 'better-sqlite3';

/**
 * Notices commits made by OTHER connections to the same file (another process, or another store
 * object in this one) by polling `PRAGMA data_version`, which SQLite changes exactly when another
 * connection has committed. Runs only while someone listens, and keeps the process alive then,
 * as an open socket would: a subscriber waiting for another process's events must not exit.
 */
export class ChangePoller {
  private timer: NodeJS.Timeout | undefined;
  private lastVersion: number | undefined;
  private listeners = 0;

  constructor(
    private readonly db: Database,
    private readonly intervalMs: number,
    private readonly onChange: () => void,
    private readonly onError: (error: unknown) => void,
  ) {}

  /** One more listener; starts polling with the first. */
  acquire(): void {
    this.listeners++;
    if (this.timer === undefined) {
      this.lastVersion = this.dataVersion();
      this.timer = setInterval(() => this.poll(), this.intervalMs);
    }
  }

  /** One listener fewer; stops polling with the last. */
  release(): void {
    this.listeners = Math.max(0, this.listeners - 1);
    if (this.listeners === 0) this.stop();
  }

  /** Stops polling whoever still listens (the store is closing). */
  stop(): void {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
  }

  private poll(): void {
    try {
      const version = this.dataVersion();
      if (version !== this.lastVersion) {
        this.lastVersion = version;
        this.onChange();
      }
    } catch (error) {
      this.stop();
      this.onError(error);
    }
  }

  private dataVersion(): number {
    return this.db.pragma('data_version', { simple: true }) as number;
  }
}
