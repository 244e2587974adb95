import type { Metadata, Server, ServerCredentials } from '@grpc/grpc-js';
import { ServerFeaturesService } from '@eventstore/db-client/generated/serverfeatures_grpc_pb';
import { StreamsService } from '@eventstore/db-client/generated/streams_grpc_pb';
import type { AppendFault } from './append-execution';
import { createAppendHandler } from './append-handler';
import { createBatchAppendHandler } from './batch-append-handler';
import { grpc } from './grpc-runtime';
import { MemoryLog } from './memory-log';
import type { NodeContext } from './node-context';
import type { ActiveSubscription } from './read-handler';
import { createReadHandler } from './read-handler';
import type { FeaturesMode } from './server-features';
import { createServerFeaturesHandler } from './server-features';
import { createTombstoneHandler } from './tombstone-handler';
import type { StandInUsers } from './users';
import { identify } from './users';

/** Options of the stand-in. */
export interface StandInOptions {
  /** Which append path the client is told about (default 'batch', as servers from 21.10 on). */
  readonly features?: FeaturesMode;
  /** The server's maximum append size in bytes (default 1 MiB, as EventStoreDB's `MaxAppendSize`). */
  readonly maxAppendSize?: number;
  /** A `$statsCollected` system event after every that many writes (default 5; 0: none). */
  readonly statsEvery?: number;
  /** Whether the database starts with the system events of a fresh one (default true). */
  readonly systemEvents?: boolean;
  /** Serve over TLS with this key and certificate (PEM), as a secure server does; default insecure. */
  readonly tls?: { readonly key: string; readonly cert: string };
  /** Require the credentials of one of these users on every Streams call (a secure server's authentication). */
  readonly users?: StandInUsers;
}

const DEFAULT_MAX_APPEND_SIZE = 1_048_576;

/** One node of the stand-in: its own port and connections, the cluster's log. */
class StandInNode {
  server: Server | undefined;
  readonly subscriptions = new Set<ActiveSubscription>();
  constructor(public port: number) {}
}

/**
 * An in-process stand-in for an EventStoreDB cluster of two nodes sharing one log: the client's
 * own generated gRPC service definitions served by `@grpc/grpc-js` on 127.0.0.1 (random ports),
 * with the events in memory. The client connects to the first node; a not-leader answer sends it
 * to the other one, as a leader change does. Test code of this package: the real client talks to
 * it over loopback.
 */
export class StandInServer {
  readonly log: MemoryLog;
  /** Faults the next appends meet (consumed one per append, on whichever node). */
  readonly appendFaults: AppendFault[] = [];
  /** Faults the next appends to one stream meet (before `appendFaults`). */
  readonly streamFaults = new Map<string, AppendFault[]>();
  /** When true, reads and subscriptions of `$all` are refused (access denied). */
  allReadDenied = false;
  /** Appends received on each path. */
  readonly appendsBy = { classic: 0, batch: 0 };
  private readonly nodes = [new StandInNode(0), new StandInNode(0)];

  private constructor(private readonly options: StandInOptions) {
    this.log = new MemoryLog(options.statsEvery ?? 5);
    if (options.systemEvents ?? true) this.log.seedSystemEvents();
  }

  /** Starts a stand-in on free ports of 127.0.0.1. */
  static async start(options: StandInOptions = {}): Promise<StandInServer> {
    const standIn = new StandInServer(options);
    for (const node of standIn.nodes) await standIn.listen(node);
    return standIn;
  }

  /** The port of the node clients connect to first. */
  get port(): number {
    return this.nodes[0].port;
  }

  /** Connection string for `EventStoreDBClient.connectionString` (over TLS, the CA file is the caller's to add). */
  get connectionString(): string {
    return `esdb://127.0.0.1:${this.port}?tls=${this.options.tls ? 'true' : 'false'}`;
  }

  /** The live subscriptions (for the fault tests). */
  get activeSubscriptions(): readonly ActiveSubscription[] {
    return this.nodes.flatMap((node) => [...node.subscriptions]);
  }

  /** Ends every live subscription with UNAVAILABLE (the connection itself stays up). */
  dropSubscriptions(): void {
    for (const subscription of this.activeSubscriptions) subscription.drop();
  }

  /** Kills every node (every connection cut, in-flight messages lost), then listens again on the same ports. */
  async restart(downForMs = 0): Promise<void> {
    for (const node of this.nodes) this.kill(node);
    if (downForMs > 0) await new Promise((resolve) => setTimeout(resolve, downForMs));
    for (const node of this.nodes) await this.listen(node);
  }

  /** Stops the server for good. */
  async stop(): Promise<void> {
    await Promise.all(this.nodes.map((node) => this.stopNode(node)));
  }

  private kill(node: StandInNode): void {
    node.server?.forceShutdown();
    node.server = undefined;
    node.subscriptions.clear();
  }

  private async stopNode(node: StandInNode): Promise<void> {
    const server = node.server;
    node.server = undefined;
    if (!server) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        server.forceShutdown();
        resolve();
      }, 500);
      server.tryShutdown(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  private contextOf(node: StandInNode): NodeContext {
    const other = this.nodes[0] === node ? this.nodes[1] : this.nodes[0];
    return {
      log: this.log,
      appendFaults: this.appendFaults,
      streamFaults: this.streamFaults,
      maxAppendSize: this.options.maxAppendSize ?? DEFAULT_MAX_APPEND_SIZE,
      allReadDenied: (metadata) => {
        if (this.allReadDenied) return true;
        const identity = this.options.users && identify(metadata, this.options.users);
        return identity !== undefined && 'user' in identity && !identity.user.readsAll;
      },
      countAppend: (path) => void (this.appendsBy[path] += 1),
      leaderEndpoint: () => ({ host: '127.0.0.1', port: other.port }),
      crash: (downForMs) => {
        // After the current handler returns: a process dies between two instructions of its own.
        setImmediate(() => {
          if (!node.server) return;
          this.kill(node);
          setTimeout(() => void this.listen(node).catch(() => undefined), downForMs);
        });
      },
    };
  }

  private credentials(): ServerCredentials {
    const tls = this.options.tls;
    if (!tls) return grpc.ServerCredentials.createInsecure();
    return grpc.ServerCredentials.createSsl(
      null,
      [{ private_key: Buffer.from(tls.key), cert_chain: Buffer.from(tls.cert) }],
      false,
    );
  }

  /**
   * With users, a call whose credentials name none of them is refused before the handler sees it
   * (the status ends a streaming call, or is the answer of a client-streaming one).
   */
  private authenticated<
    Call extends { metadata: Metadata; emit(event: 'error', error: unknown): boolean },
    Rest extends unknown[],
  >(handler: (call: Call, ...rest: Rest) => void): (call: Call, ...rest: Rest) => void {
    const users = this.options.users;
    if (!users) return handler;
    return (call, ...rest) => {
      const identity = identify(call.metadata, users);
      if ('user' in identity) return handler(call, ...rest);
      const [callback] = rest;
      if (typeof callback === 'function') (callback as (error: unknown) => void)(identity.refused);
      else call.emit('error', identity.refused);
    };
  }

  private async listen(node: StandInNode): Promise<void> {
    const server = new grpc.Server();
    const context = this.contextOf(node);
    server.addService(StreamsService, {
      read: this.authenticated(createReadHandler(context, node.subscriptions)),
      append: this.authenticated(createAppendHandler(context)),
      batchAppend: this.authenticated(createBatchAppendHandler(context)),
      tombstone: this.authenticated(createTombstoneHandler(context)),
    });
    server.addService(ServerFeaturesService, {
      getSupportedMethods: createServerFeaturesHandler(this.options.features ?? 'batch'),
    });
    node.port = await new Promise<number>((resolve, reject) =>
      server.bindAsync(`127.0.0.1:${node.port}`, this.credentials(), (error, port) =>
        error ? reject(error) : resolve(port),
      ),
    );
    node.server = server;
  }
}
