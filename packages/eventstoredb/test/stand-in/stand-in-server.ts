import type { Server } from '@grpc/grpc-js';
import { ServerFeaturesService } from '@eventstore/db-client/generated/serverfeatures_grpc_pb';
import { StreamsService } from '@eventstore/db-client/generated/streams_grpc_pb';
import type { AppendFault } from './append-handler';
import { createAppendHandler } from './append-handler';
import { grpc } from './grpc-runtime';
import { MemoryLog } from './memory-log';
import type { ActiveSubscription } from './read-handler';
import { createReadHandler } from './read-handler';
import type { FeaturesMode } from './server-features';
import { createServerFeaturesHandler } from './server-features';

/** Options of the stand-in. */
export interface StandInOptions {
  readonly features?: FeaturesMode;
}

/**
 * An in-process stand-in for an EventStoreDB node: the client's own generated gRPC service
 * definitions served by `@grpc/grpc-js` on 127.0.0.1 (random port), with the events in memory.
 * Test code of this package: the real client talks to it over loopback.
 */
export class StandInServer {
  readonly log: MemoryLog;
  /** Faults the next appends meet (consumed one per append). */
  readonly appendFaults: AppendFault[] = [];
  private readonly subscriptions = new Set<ActiveSubscription>();
  private server: Server | undefined;

  private constructor(
    private readonly options: StandInOptions,
    private boundPort: number,
  ) {
    this.log = new MemoryLog();
  }

  /** Starts a stand-in on a free port of 127.0.0.1. */
  static async start(options: StandInOptions = {}): Promise<StandInServer> {
    const standIn = new StandInServer(options, 0);
    await standIn.listen();
    return standIn;
  }

  get port(): number {
    return this.boundPort;
  }

  /** Connection string for `EventStoreDBClient.connectionString`. */
  get connectionString(): string {
    return `esdb://127.0.0.1:${this.boundPort}?tls=false`;
  }

  /** The live subscriptions (for the fault tests). */
  get activeSubscriptions(): readonly ActiveSubscription[] {
    return [...this.subscriptions];
  }

  /** Ends every live subscription with UNAVAILABLE (the connection itself stays up). */
  dropSubscriptions(): void {
    for (const subscription of [...this.subscriptions]) subscription.drop();
  }

  /** Kills the server (every connection cut, in-flight messages lost), then listens again on the same port. */
  async restart(downForMs = 0): Promise<void> {
    this.server?.forceShutdown();
    this.server = undefined;
    this.subscriptions.clear();
    if (downForMs > 0) await new Promise((resolve) => setTimeout(resolve, downForMs));
    await this.listen();
  }

  /** Stops the server for good. */
  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
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

  private async listen(): Promise<void> {
    const server = new grpc.Server();
    server.addService(StreamsService, {
      read: createReadHandler(this.log, this.subscriptions),
      append: createAppendHandler(this.log, this.appendFaults),
    });
    server.addService(ServerFeaturesService, {
      getSupportedMethods: createServerFeaturesHandler(this.options.features ?? 'listed'),
    });
    this.boundPort = await new Promise<number>((resolve, reject) =>
      server.bindAsync(
        `127.0.0.1:${this.boundPort}`,
        grpc.ServerCredentials.createInsecure(),
        (error, port) => (error ? reject(error) : resolve(port)),
      ),
    );
    this.server = server;
  }
}
