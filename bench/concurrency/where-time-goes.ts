/**
 * `npx tsx bench/concurrency/where-time-goes.ts [--appends=1500] [--repetitions=3] [--writers=32] [--cases=distinct,hot]`
 *
 * Where an append's time goes on PostgreSQL, in figures a loaded machine does not blur much:
 * for the raw INSERT ceiling, the same INSERT inside our append-order lock, ours (NOTIFY after
 * commit, the default) and ours with NOTIFY in each transaction, at `writers` writers on
 * distinct streams and on one hot stream, the targets taking turns in a rotated order:
 * - CPU per append of this process (the client) and of the server backends that served the run
 *   (their utime + stime from /proc, read before they close: connection start-up included);
 * - what those backends were doing, sampled from pg_stat_activity every few milliseconds: on
 *   the CPU, waiting for the client (idle between statements: the client's CPU and the
 *   network), waiting for the stream lock or the append-order lock (advisory locks, told apart
 *   by their key's shape), for the WAL at commit, or for NOTIFY's commit lock.
 * Wall-clock appends/s is printed too, but is the load's as much as ours. Needs the server on
 * this machine (for /proc). Markdown on stdout, progress on stderr.
 */
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { Client } from 'pg';
import { createScratchDatabase, POSTGRES_URL } from '../harness/scratch-database';
import type { ConcurrentTarget, ConcurrentWriters } from './concurrent-target';
import { oursPostgres, rawPostgres } from './postgres-targets';
import { runCell, type CellResult, type StreamCase } from './run-cell';

const TARGETS: readonly ConcurrentTarget[] = [
  rawPostgres(false),
  rawPostgres(true),
  oursPostgres('after-commit'),
  oursPostgres('in-transaction'),
];
const SAMPLE_EVERY_MS = 3;
const CLOCK_TICKS_PER_SECOND = 100;

/** What the backends of one run were doing, sample by sample, by activity. */
type Activity = Record<string, number>;

/** What the server side of one run showed. */
interface Observed {
  cpu: number;
  commits: number;
  blocks: number;
  activity: Activity;
}

interface Cell {
  readonly target: string;
  readonly streams: StreamCase;
  readonly result: CellResult;
  readonly serverCpuMicros: number;
  /** Transactions committed in the run's database, per append (set-up included). */
  readonly commitsPerAppend: number;
  /** Buffer pages the run's database read (from cache or disk), per append (set-up included). */
  readonly blocksPerAppend: number;
  readonly activity: Activity;
}

// One sample: each backend of the run, what it waits for (and which advisory lock).
const SAMPLE = `
  SELECT a.state, a.wait_event_type, a.wait_event, l.objsubid
  FROM pg_stat_activity a
  LEFT JOIN pg_locks l ON l.pid = a.pid AND NOT l.granted AND l.locktype = 'advisory'
  WHERE a.application_name = $1`;

function activityOf(row: {
  state: string | null;
  wait_event_type: string | null;
  wait_event: string | null;
  objsubid: number | null;
}): string {
  if (row.state !== 'active') return 'waiting for the client';
  if (row.wait_event_type === null) return 'on the CPU';
  if (row.wait_event === 'advisory')
    // append_events' keys: the stream's one bigint (objsubid 1), the append order's two ints (2).
    // Unknown when the waiter got its lock between the two views' reads.
    return row.objsubid === 2 ? 'append-order lock' : row.objsubid === 1 ? 'stream lock' : 'advisory lock';
  if (/WAL/i.test(row.wait_event ?? '')) return 'WAL at commit';
  if (row.wait_event === 'object' || /Notify/i.test(row.wait_event ?? '')) return "NOTIFY's commit lock";
  return `${row.wait_event_type}: ${row.wait_event}`;
}

function cpuMicrosOf(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  // utime and stime are fields 14 and 15 of the line, 12 and 13 after "pid (comm) ".
  return ((Number(fields[11]) + Number(fields[12])) * 1e6) / CLOCK_TICKS_PER_SECOND;
}

/** The target with its connections named, sampled while it runs, and its backends' CPU read before it closes. */
function observed(target: ConcurrentTarget, tag: string, monitor: Client, out: Observed) {
  return {
    ...target,
    async open(url: string, connections: number): Promise<ConcurrentWriters> {
      const named = `${url}${url.includes('?') ? '&' : '?'}application_name=${tag}`;
      const writers = await target.open(named, connections);
      let sampling = true;
      const sampler = (async () => {
        while (sampling) {
          const { rows } = await monitor.query(SAMPLE, [tag]);
          for (const row of rows) {
            const activity = activityOf(row);
            out.activity[activity] = (out.activity[activity] ?? 0) + 1;
          }
          await new Promise((resolve) => setTimeout(resolve, SAMPLE_EVERY_MS));
        }
      })();
      return {
        append: (streamId, event, eventsBefore) => writers.append(streamId, event, eventsBefore),
        async close() {
          sampling = false;
          await sampler;
          const { rows } = await monitor.query<{ pid: number }>(
            'SELECT pid FROM pg_stat_activity WHERE application_name = $1',
            [tag],
          );
          out.cpu = rows.reduce((sum, { pid }) => sum + cpuMicrosOf(pid), 0);
          await writers.close();
          // Backends report their counts when they end (or within a second): then read them.
          await new Promise((resolve) => setTimeout(resolve, 1500));
          const database = new URL(url).pathname.slice(1);
          const counts = await monitor.query<{ commits: string; blocks: string }>(
            `SELECT xact_commit::text AS commits, (blks_hit + blks_read)::text AS blocks
             FROM pg_stat_database WHERE datname = $1`,
            [database],
          );
          out.commits = Number(counts.rows[0]?.commits ?? 0);
          out.blocks = Number(counts.rows[0]?.blocks ?? 0);
        },
      };
    },
  };
}

function option(name: string, fallback: number): number {
  const arg = process.argv.find((a) => a.startsWith(`--${name}=`));
  return arg ? Number(arg.split('=')[1]) : fallback;
}

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

async function main(): Promise<void> {
  const appends = option('appends', 1500);
  const repetitions = option('repetitions', 3);
  const writers = option('writers', 32);
  const casesArg = process.argv.find((a) => a.startsWith('--cases='));
  const cases = (casesArg ? casesArg.split('=')[1].split(',') : ['distinct', 'hot']) as StreamCase[];
  const loadBefore = loadavg()[0];
  // A connection the server ends (another process's pg_terminate_backend on a shared server)
  // is dropped by its pool: the run goes on.
  process.on('uncaughtException', (error) => process.stderr.write(`\nignored: ${String(error)}\n`));
  const monitor = new Client({ connectionString: POSTGRES_URL });
  await monitor.connect();
  const cells: Cell[] = [];
  let run = 0;
  try {
    for (let repetition = 0; repetition < repetitions; repetition++) {
      for (const streams of cases) {
        const order = TARGETS.map((_, i) => TARGETS[(i + repetition) % TARGETS.length]);
        for (const target of order) {
          const out: Observed = { cpu: 0, commits: 0, blocks: 0, activity: {} };
          const scratch = await createScratchDatabase('postgres');
          const location = scratch.location;
          if (location.backend !== 'postgres') throw new Error('a PostgreSQL scratch database was expected');
          try {
            const tag = `cb_where_${process.pid}_${++run}`;
            const result = await runCell(
              observed(target, tag, monitor, out),
              location.connectionString,
              writers,
              streams,
              appends,
            );
            const cell = {
              target: target.name,
              streams,
              result,
              serverCpuMicros: out.cpu / result.appends,
              commitsPerAppend: out.commits / result.appends,
              blocksPerAppend: out.blocks / result.appends,
              activity: out.activity,
            };
            cells.push(cell);
            // Each cell as it ends, so that a run cut short still says what it measured.
            process.stderr.write(`\n${JSON.stringify(cell)}\n`);
          } finally {
            await scratch.drop();
          }
          process.stderr.write(
            `\r${cells.length}/${repetitions * cases.length * TARGETS.length} cells, load ${loadavg()[0].toFixed(1)}   `,
          );
        }
      }
    }
  } finally {
    await monitor.end();
  }
  process.stderr.write('\n');
  const lines = [
    `${writers} writers, ${appends} single-event appends per cell, ${repetitions} repetitions (medians; targets in turn), Node ${process.version}, ${cpus()[0]?.model} × ${cpus().length}, load ${loadBefore.toFixed(1)} before, ${loadavg()[0].toFixed(1)} after`,
    '',
  ];
  const activities = [...new Set(cells.flatMap((c) => Object.keys(c.activity)))].sort();
  for (const streams of cases) {
    lines.push(`**${streams === 'distinct' ? 'Distinct streams' : 'One hot stream'}**`, '');
    lines.push(
      `| Target | appends/s (wall) | client CPU µs/append | server CPU µs/append | commits/append | pages/append | ${activities.join(' | ')} |`,
      `|---|---:|---:|---:|---:|---:|${activities.map(() => '---:').join('|')}|`,
    );
    for (const target of TARGETS) {
      const mine = cells.filter((c) => c.target === target.name && c.streams === streams);
      const share = (activity: string) =>
        median(
          mine.map((c) => {
            const total = Object.values(c.activity).reduce((a, b) => a + b, 0);
            return total === 0 ? 0 : (100 * (c.activity[activity] ?? 0)) / total;
          }),
        ).toFixed(0) + ' %';
      lines.push(
        `| ${target.name} | ${median(mine.map((c) => c.result.perSecond)).toFixed(0)} | ${median(mine.map((c) => c.result.clientCpuMicros)).toFixed(0)} | ${median(mine.map((c) => c.serverCpuMicros)).toFixed(0)} | ${median(mine.map((c) => c.commitsPerAppend)).toFixed(2)} | ${median(mine.map((c) => c.blocksPerAppend)).toFixed(1)} | ${activities.map(share).join(' | ')} |`,
      );
    }
    lines.push('');
  }
  process.stdout.write(lines.join('\n'));
}

void main();
