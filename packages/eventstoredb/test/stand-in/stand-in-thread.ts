import { Worker } from 'node:worker_threads';
import type { AppendFault } from './append-execution';
import type { RecordRewrite } from './memory-log';
import type { StandInOptions } from './stand-in-server';

type ServerRequest =
  | { op: 'restart'; downForMs: number }
  | { op: 'stop' }
  | { op: 'dropSubscriptions' }
  | { op: 'appendFaults'; faults: AppendFault[]; streamName?: string }
  | { op: 'subscriptionsSent' }
  | { op: 'alter'; stream: string; revision: number; json: string }
  | { op: 'rewrite'; stream: string; revision: number; change: RecordRewrite }
  | { op: 'remove'; stream: string; revision: number }
  | { op: 'swap'; stream: string; revision: number; other: number }
  | { op: 'denyAllReads'; denied: boolean }
  | { op: 'count' }
  | { op: 'appendsBy' };

/** What the main thread can ask of the stand-in thread. */
export type StandInRequest =
  | { op: 'start'; options: StandInOptions }
  | { op: 'threadId' }
  | (ServerRequest & { serverId: number });

/**
 * The thread the stand-in servers run on, as a real server is its own process: the client under
 * test keeps the main thread, and the two do not share one event loop. Its TypeScript sources
 * load through tsx's require hook. One thread serves every stand-in of a test file.
 */
export class StandInHost {
  private nextId = 1;
  private readonly pending = new Map<
    number,
    { resolve: (value: unknown) => void; reject: (error: Error) => void }
  >();

  private constructor(private readonly worker: Worker) {
    worker.on('message', (message: { id: number; result?: unknown; error?: string }) => {
      const waiter = this.pending.get(message.id);
      if (!waiter) return;
      this.pending.delete(message.id);
      if (this.pending.size === 0) worker.unref();
      if (message.error !== undefined) waiter.reject(new Error(`stand-in: ${message.error}`));
      else waiter.resolve(message.result);
    });
    // An idle host must not keep a test process alive; a pending request must.
    worker.unref();
  }

  /** Starts the thread. */
  static async start(): Promise<StandInHost> {
    const entry = require.resolve('./worker-entry');
    const code = `require(${JSON.stringify(require.resolve('tsx/cjs'))}); require(${JSON.stringify(entry)});`;
    const worker = new Worker(code, { eval: true });
    await new Promise<void>((resolve, reject) => {
      worker.once('error', reject);
      worker.once('message', () => resolve());
    });
    return new StandInHost(worker);
  }

  /** @internal */
  ask<T>(request: StandInRequest): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      if (this.pending.size === 0) this.worker.ref();
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.worker.postMessage({ ...request, id });
    });
  }

  /** Starts a fresh, empty stand-in server on a free port of 127.0.0.1. */
  async startServer(options: StandInOptions = {}): Promise<StandIn> {
    const { serverId, port } = await this.ask<{ serverId: number; port: number }>({ op: 'start', options });
    return new StandIn(this, serverId, port, options.tls !== undefined);
  }

  /**
   * The thread's id for the operating system (Linux's `/proc/<pid>/task/<id>`), so that a
   * benchmark can tell the server's CPU time from the client's.
   */
  threadId(): Promise<number> {
    return this.ask({ op: 'threadId' });
  }

  /** Ends the thread (and every server on it). */
  async close(): Promise<void> {
    await this.worker.terminate();
  }
}

/** One stand-in EventStoreDB server, running on the host thread. */
export class StandIn {
  constructor(
    private readonly host: StandInHost,
    private readonly serverId: number,
    readonly port: number,
    private readonly tls = false,
  ) {}

  /** Connection string for `EventStoreDBClient.connectionString` (over TLS, the CA file is the caller's to add). */
  get connectionString(): string {
    return `esdb://127.0.0.1:${this.port}?tls=${this.tls}`;
  }

  private ask<T>(request: ServerRequest): Promise<T> {
    return this.host.ask<T>({ ...request, serverId: this.serverId });
  }

  /** Kills the server (connections cut, in-flight messages lost), then listens again on the same port. */
  restart(downForMs = 0): Promise<void> {
    return this.ask({ op: 'restart', downForMs });
  }

  /** Ends every live subscription with UNAVAILABLE. */
  dropSubscriptions(): Promise<void> {
    return this.ask({ op: 'dropSubscriptions' });
  }

  /** Faults the next appends meet, one per append. */
  failNextAppends(...faults: AppendFault[]): Promise<void> {
    return this.ask({ op: 'appendFaults', faults });
  }

  /** Faults the next appends to one stream (its database name) meet, one per append, before any other. */
  failNextAppendsTo(streamName: string, ...faults: AppendFault[]): Promise<void> {
    return this.ask({ op: 'appendFaults', faults, streamName });
  }

  /** For each live subscription, how many events the server has written to it. */
  subscriptionsSent(): Promise<number[]> {
    return this.ask({ op: 'subscriptionsSent' });
  }

  /** How many events `$all` holds, leaving out the system events the server writes itself. */
  eventCount(): Promise<number> {
    return this.ask({ op: 'count' });
  }

  /** Appends the server received on each path. */
  appendsBy(): Promise<{ classic: number; batch: number }> {
    return this.ask({ op: 'appendsBy' });
  }

  /** Refuses (or allows again) reads and subscriptions of `$all`, as for a user without access. */
  denyAllReads(denied = true): Promise<void> {
    return this.ask({ op: 'denyAllReads', denied });
  }

  alterData(stream: string, revision: number, json: string): Promise<void> {
    return this.ask({ op: 'alter', stream, revision, json });
  }

  rewrite(stream: string, revision: number, change: RecordRewrite): Promise<void> {
    return this.ask({ op: 'rewrite', stream, revision, change });
  }

  remove(stream: string, revision: number): Promise<void> {
    return this.ask({ op: 'remove', stream, revision });
  }

  swap(stream: string, revision: number, other: number): Promise<void> {
    return this.ask({ op: 'swap', stream, revision, other });
  }

  /** Stops the server. */
  async stop(): Promise<void> {
    await this.ask({ op: 'stop' });
  }
}
