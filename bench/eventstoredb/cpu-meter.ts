/**
 * What a block of work costs, counted rather than timed: the CPU time of the client's thread
 * (the adapter and the client's JavaScript and gRPC work all run on the main thread), of the
 * stand-in server's thread, and of the process's other threads (V8's garbage collection helpers,
 * libuv's pool), next to the wall-clock time. CPU time moves little with the machine's load,
 * where wall-clock time on a shared machine also counts the time spent waiting for a core.
 *
 * Linux only: the per-thread times are the scheduler's own accounting, the first field of
 * `/proc/<pid>/task/<thread>/schedstat`, in nanoseconds.
 */
import { readFileSync } from 'node:fs';

/** Accumulated cost of the blocks measured for one side. */
export interface Cost {
  wallMs: number;
  /** CPU of the main thread: the client and, on the adapter's side, the adapter. */
  clientUs: number;
  /** CPU of the stand-in server's thread. */
  serverUs: number;
  /** CPU of the process's other threads (garbage collection helpers mostly). */
  otherUs: number;
}

export const noCost = (): Cost => ({ wallMs: 0, clientUs: 0, serverUs: 0, otherUs: 0 });

interface Reading {
  readonly wallMs: number;
  readonly clientNs: number;
  readonly serverNs: number;
  readonly processNs: number;
}

function threadCpuNs(threadId: number): number {
  const text = readFileSync(`/proc/${process.pid}/task/${threadId}/schedstat`, 'utf8');
  return Number(text.slice(0, text.indexOf(' ')));
}

/** Whether this system gives per-thread CPU time (else only wall-clock times are measured). */
export function threadCpuAvailable(): boolean {
  try {
    return threadCpuNs(process.pid) > 0;
  } catch {
    return false;
  }
}

/** Measures blocks of work, the stand-in running on the thread `serverThreadId`. */
export function cpuMeter(serverThreadId: number | undefined) {
  const read = (): Reading => {
    const usage = process.cpuUsage();
    return {
      wallMs: performance.now(),
      clientNs: serverThreadId === undefined ? 0 : threadCpuNs(process.pid),
      serverNs: serverThreadId === undefined ? 0 : threadCpuNs(serverThreadId),
      processNs: (usage.user + usage.system) * 1000,
    };
  };
  return {
    /** Runs `work` and adds what it cost to `cost`. */
    async measure<T>(cost: Cost, work: () => Promise<T>): Promise<T> {
      const before = read();
      const result = await work();
      const after = read();
      const client = after.clientNs - before.clientNs;
      const server = after.serverNs - before.serverNs;
      cost.wallMs += after.wallMs - before.wallMs;
      cost.clientUs += client / 1000;
      cost.serverUs += server / 1000;
      // getrusage's microseconds against the scheduler's nanoseconds: never below zero.
      cost.otherUs += Math.max(0, (after.processNs - before.processNs - client - server) / 1000);
      return result;
    },
  };
}
