import { backoffDelay, type BackoffPolicy } from '@cartes-badges/eventsourcing';
import type { ClientBase } from 'pg';
import { quoteIdent } from './schema-name';

/** A connection given to the listener, and how to let go of it. */
export interface ListenerConnection {
  readonly client: ClientBase;
  /** Closes the connection (it is never reused: it was LISTENing). */
  close(): Promise<void>;
}

// A lost LISTEN connection is retried from 100 ms up to 5 s: polling covers the gap meanwhile.
const RECONNECT_BACKOFF: BackoffPolicy = { initialDelayMs: 100, maxDelayMs: 5000 };

/**
 * Holds one dedicated connection that LISTENs on the store's channel and calls `wake` on every
 * notification. When the connection drops it reconnects (with backoff) and wakes everyone once
 * listening again, since notifications sent in between are lost; polling covers the gap.
 */
export class NotificationListener {
  private stopped = false;
  private started = false;
  private current: ListenerConnection | undefined;
  private running: Promise<void> | undefined;
  private cancelSleep: (() => void) | undefined;
  private listening = false;

  constructor(
    private readonly connect: () => Promise<ListenerConnection>,
    private readonly channel: string,
    private readonly wake: () => void,
  ) {}

  /** True while a connection is LISTENing. */
  get isListening(): boolean {
    return this.listening;
  }

  /** Starts listening in the background (once). */
  start(): void {
    if (this.started || this.stopped) return;
    this.started = true;
    this.running = this.run();
  }

  /** Stops listening and closes the connection. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.cancelSleep?.();
    const connection = this.current;
    if (connection) await connection.close().catch(() => undefined);
    await this.running;
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (!this.stopped) {
      try {
        await this.listenUntilLost();
        failures = 0;
      } catch {
        // Could not connect or LISTEN: subscriptions poll meanwhile; try again after a pause.
      }
      this.listening = false;
      if (this.stopped) return;
      this.wake();
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, backoffDelay(failures, RECONNECT_BACKOFF));
        this.cancelSleep = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      failures += 1;
    }
  }

  private async listenUntilLost(): Promise<void> {
    const connection = await this.connect();
    this.current = connection;
    try {
      if (this.stopped) return;
      const { client } = connection;
      const lost = new Promise<void>((resolve) => {
        client.once('error', () => resolve());
        client.once('end', () => resolve());
      });
      // Keep an error listener for the connection's whole life: an unhandled 'error' would crash the process.
      client.on('error', () => undefined);
      client.on('notification', (message) => {
        if (message.channel === this.channel) this.wake();
      });
      await client.query(`LISTEN ${quoteIdent(this.channel)}`);
      this.listening = true;
      // Anything committed before LISTEN took effect is found by the reads this wake-up triggers.
      this.wake();
      await lost;
    } finally {
      this.listening = false;
      this.current = undefined;
      await connection.close().catch(() => undefined);
    }
  }
}
