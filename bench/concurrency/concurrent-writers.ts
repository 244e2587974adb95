/**
 * `npx tsx bench/concurrency/concurrent-writers.ts [--appends=1500] [--repetitions=3]
 *   [--writers=1,8,32,64] [--backends=postgres,sqlite] [--out=FILE]`
 *
 * Concurrent single-event appends (one transaction each) by 1 to 64 writers on separate
 * connections, to distinct streams and to one hot stream, on PostgreSQL and SQLite: ours, the
 * raw ceiling (a bare INSERT of the same row) and, on PostgreSQL, Emmett, our store with NOTIFY
 * inside each transaction, and the raw INSERT inside our append-order lock. Every cell runs on
 * a scratch database of its own; the targets take turns cell by cell, in a rotated order each
 * repetition, so that the load of a shared machine hits them alike. Progress on stderr; the
 * Markdown report on stdout (and in FILE).
 */
import { writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { createScratchDatabase } from '../harness/scratch-database';
import type { ConcurrentTarget } from './concurrent-target';
import { emmettPostgres, oursPostgres, rawPostgres } from './postgres-targets';
import { renderConcurrencyReport, type Measured } from './report';
import { runCell, type StreamCase } from './run-cell';
import { oursSqlite, rawSqlite } from './sqlite-targets';

interface Options {
  readonly appends: number;
  readonly repetitions: number;
  readonly writers: readonly number[];
  readonly backends: readonly ('postgres' | 'sqlite')[];
  readonly out?: string;
}

function parseOptions(argv: readonly string[]): Options {
  const options: { -readonly [K in keyof Options]: Options[K] } = {
    appends: 1500,
    repetitions: 3,
    writers: [1, 8, 32, 64],
    backends: ['postgres', 'sqlite'],
  };
  for (const arg of argv) {
    const [name, value = ''] = arg.split('=', 2);
    const list = value.split(',').filter(Boolean);
    if (name === '--appends' && Number(value) >= 64) options.appends = Number(value);
    else if (name === '--repetitions' && Number(value) >= 1) options.repetitions = Number(value);
    else if (name === '--writers' && list.every((w) => Number(w) >= 1)) options.writers = list.map(Number);
    else if (name === '--backends' && list.every((b) => b === 'postgres' || b === 'sqlite'))
      options.backends = list as ('postgres' | 'sqlite')[];
    else if (name === '--out' && value) options.out = value;
    else
      throw new Error(
        `Unknown option ${arg}: expected --appends=N (≥ 64), --repetitions=N, --writers=1,8, --backends=postgres,sqlite, --out=FILE`,
      );
  }
  return options;
}

const TARGETS: readonly ConcurrentTarget[] = [
  rawPostgres(false),
  oursPostgres('after-commit'),
  emmettPostgres,
  oursPostgres('in-transaction'),
  rawPostgres(true),
  rawSqlite,
  oursSqlite,
];

const CASES: readonly StreamCase[] = ['distinct', 'hot'];

async function measure(target: ConcurrentTarget, writers: number, streams: StreamCase, appends: number) {
  const scratch = await createScratchDatabase(target.backend);
  const where =
    scratch.location.backend === 'sqlite' ? scratch.location.path : scratch.location.connectionString;
  try {
    return await runCell(target, where, writers, streams, appends);
  } finally {
    await scratch.drop();
  }
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const targets = TARGETS.filter((t) => options.backends.includes(t.backend));
  const loadBefore = loadavg();
  // Dropping a cell's scratch database (WITH FORCE) ends the connections a closing pool has not
  // let go of yet (Emmett's pools, pg's idle clients): pg reports it as an 'error' event with no
  // listener, which would end the run. Those connections belong to a finished cell: go on.
  process.on('uncaughtException', (error) => process.stderr.write(`\nignored: ${String(error)}\n`));
  const started = Date.now();
  // Warm-up: load each library and let the JIT see its append path once.
  for (const target of targets) await measure(target, 1, 'distinct', 64);
  const results: Measured[] = [];
  const cells = options.repetitions * options.backends.length * options.writers.length * CASES.length;
  let done = 0;
  for (let repetition = 0; repetition < options.repetitions; repetition++) {
    for (const backend of options.backends) {
      const ofBackend = targets.filter((t) => t.backend === backend);
      for (const writers of options.writers) {
        for (const streams of CASES) {
          // Rotated each repetition: no target always runs first (or last) in a cell.
          const order = ofBackend.map((_, i) => ofBackend[(i + repetition) % ofBackend.length]);
          for (const target of order) {
            const result = await measure(target, writers, streams, options.appends);
            results.push({ target: target.name, backend, writers, streams, repetition, result });
          }
          done++;
          const elapsed = ((Date.now() - started) / 1000).toFixed(0);
          process.stderr.write(
            `\r[${done}/${cells}] ${backend} ${writers} writers, ${streams} streams, repetition ${repetition + 1}, ${elapsed} s, load ${loadavg()[0].toFixed(1)}   `,
          );
        }
      }
    }
  }
  process.stderr.write('\n');
  const report = renderConcurrencyReport(results, {
    command: `npx tsx bench/concurrency/concurrent-writers.ts ${process.argv.slice(2).join(' ')}`.trim(),
    node: process.version,
    cpu: `${cpus()[0]?.model ?? 'unknown'} × ${cpus().length}`,
    loadBefore: loadBefore[0],
    loadAfter: loadavg()[0],
    seconds: (Date.now() - started) / 1000,
    appends: options.appends,
    repetitions: options.repetitions,
  });
  process.stdout.write(report);
  if (options.out) writeFileSync(options.out, report);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
