import { readlinkSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import { isSystemRecord } from './memory-log';
import { StandInServer } from './stand-in-server';
import type { StandInRequest } from './stand-in-thread';

/** Runs stand-in servers on this worker thread and answers the main thread's requests. */
function main(): void {
  const port = parentPort;
  if (!port) throw new Error('worker-entry runs on a worker thread');
  const servers = new Map<number, StandInServer>();
  let nextServer = 1;
  port.on('message', (request: StandInRequest & { id: number }) => {
    void handle(request).then(
      (result) => port.postMessage({ id: request.id, result }),
      (error: unknown) =>
        port.postMessage({ id: request.id, error: error instanceof Error ? error.message : String(error) }),
    );
  });
  port.postMessage({ id: 0, result: 'ready' });

  async function handle(request: StandInRequest): Promise<unknown> {
    if (request.op === 'start') {
      const server = await StandInServer.start(request.options);
      const serverId = nextServer++;
      servers.set(serverId, server);
      return { serverId, port: server.port };
    }
    // `/proc/thread-self` links to `<pid>/task/<thread id>` (Linux only).
    if (request.op === 'threadId') return Number(readlinkSync('/proc/thread-self').split('/').pop());
    const server = servers.get(request.serverId);
    if (!server && request.op === 'stop') return undefined;
    if (!server) throw new Error(`no stand-in server ${request.serverId}`);
    switch (request.op) {
      case 'restart':
        return server.restart(request.downForMs);
      case 'stop':
        servers.delete(request.serverId);
        return server.stop();
      case 'dropSubscriptions':
        return server.dropSubscriptions();
      case 'appendFaults': {
        const { streamName, faults } = request;
        if (streamName === undefined) server.appendFaults.push(...faults);
        else server.streamFaults.set(streamName, [...(server.streamFaults.get(streamName) ?? []), ...faults]);
        return undefined;
      }
      case 'subscriptionsSent':
        return server.activeSubscriptions.map((subscription) => subscription.sent);
      case 'alter':
        return server.log.alterData(request.stream, request.revision, Buffer.from(request.json, 'utf8'));
      case 'rewrite':
        return server.log.rewrite(request.stream, request.revision, request.change);
      case 'remove':
        return server.log.remove(request.stream, request.revision);
      case 'swap':
        return server.log.swap(request.stream, request.revision, request.other);
      case 'denyAllReads':
        server.allReadDenied = request.denied;
        return undefined;
      case 'appendsBy':
        return { ...server.appendsBy };
      case 'count':
        return server.log.all.filter((record) => !isSystemRecord(record)).length;
    }
  }
}

main();
