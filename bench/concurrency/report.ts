import type { CellResult, StreamCase } from './run-cell';

/** One run of one target in one cell. */
export interface Measured {
  readonly target: string;
  readonly backend: 'postgres' | 'sqlite';
  readonly writers: number;
  readonly streams: StreamCase;
  readonly repetition: number;
  readonly result: CellResult;
}

/** The context printed with the figures. */
export interface RunContext {
  readonly command: string;
  readonly node: string;
  readonly cpu: string;
  readonly loadBefore: number;
  readonly loadAfter: number;
  readonly seconds: number;
  readonly appends: number;
  readonly repetitions: number;
}

const RAW = 'raw INSERT (ceiling)';
const OURS = 'ours';
const EMMETT = 'Emmett';

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

const rate = (n: number): string => (n >= 10_000 ? `${(n / 1000).toFixed(1)} k` : n.toFixed(0));
const ms = (n: number): string => (n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2));

/** Median over repetitions of one figure of one target in one cell, with its spread. */
function figure(
  runs: readonly Measured[],
  pick: (r: CellResult) => number,
  format: (n: number) => string,
): string {
  if (runs.length === 0) return '—';
  const values = runs.map((r) => pick(r.result));
  const low = Math.min(...values);
  const high = Math.max(...values);
  return runs.length === 1 ? format(values[0]) : `${format(median(values))} (${format(low)}–${format(high)})`;
}

/** Ratio of two targets run by run (the same repetition of the same cell), then the median. */
function pairedRatio(of: readonly Measured[], to: readonly Measured[]): string {
  const ratios = of
    .map((a) => {
      const b = to.find((r) => r.repetition === a.repetition);
      return b ? a.result.perSecond / b.result.perSecond : undefined;
    })
    .filter((r): r is number => r !== undefined);
  if (ratios.length === 0) return '—';
  return `${median(ratios).toFixed(2)}× (${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)})`;
}

/** The Markdown report: one table per backend and stream case, then the costs at 32 writers. */
export function renderConcurrencyReport(results: readonly Measured[], context: RunContext): string {
  const lines: string[] = [
    '# Concurrent writers',
    '',
    `\`${context.command}\`: ${context.appends} single-event appends per cell, ${context.repetitions} repetitions, ` +
      `${context.seconds.toFixed(0)} s. Node ${context.node}, ${context.cpu}, load average ${context.loadBefore.toFixed(1)} ` +
      `before and ${context.loadAfter.toFixed(1)} after (a machine shared with other work: the targets take turns cell by cell).`,
    '',
    'Each cell: appends/s, then p50 / p99 latency of one append in ms, medians (min–max) over the repetitions; ratios run by run.',
    '',
  ];
  const cellsOf = (backend: string, streams: StreamCase, writers: number, target: string) =>
    results.filter(
      (r) => r.backend === backend && r.streams === streams && r.writers === writers && r.target === target,
    );
  for (const backend of ['postgres', 'sqlite'] as const) {
    const targets = [...new Set(results.filter((r) => r.backend === backend).map((r) => r.target))];
    if (targets.length === 0) continue;
    const withEmmett = targets.includes(EMMETT);
    for (const streams of ['distinct', 'hot'] as const) {
      const writerCounts = [...new Set(results.map((r) => r.writers))].sort((a, b) => a - b);
      lines.push(
        `## ${backend === 'postgres' ? 'PostgreSQL' : 'SQLite'}, ${streams === 'hot' ? 'one hot stream' : 'distinct streams'}`,
        '',
      );
      lines.push(
        `| Writers | ${targets.join(' | ')} | ours / raw${withEmmett ? ' | ours / Emmett' : ''} |`,
        `|---:|${targets.map(() => '---:').join('|')}|---:|${withEmmett ? '---:|' : ''}`,
      );
      for (const writers of writerCounts) {
        const cells = targets.map((t) => {
          const runs = cellsOf(backend, streams, writers, t);
          return `${figure(runs, (r) => r.perSecond, rate)}<br>${figure(runs, (r) => r.p50Ms, ms)} / ${figure(runs, (r) => r.p99Ms, ms)}`;
        });
        const ours = cellsOf(backend, streams, writers, OURS);
        const ratios = [pairedRatio(ours, cellsOf(backend, streams, writers, RAW))];
        if (withEmmett) ratios.push(pairedRatio(ours, cellsOf(backend, streams, writers, EMMETT)));
        lines.push(`| ${writers} | ${cells.join(' | ')} | ${ratios.join(' | ')} |`);
      }
      lines.push('');
    }
    lines.push(
      `Client CPU per append (µs, this process: preparation, canonical JSON, hashing, driver), ${backend}, distinct streams:`,
      '',
    );
    lines.push(`| Writers | ${targets.join(' | ')} |`, `|---:|${targets.map(() => '---:').join('|')}|`);
    for (const writers of [...new Set(results.map((r) => r.writers))].sort((a, b) => a - b)) {
      const cells = targets.map((t) =>
        figure(
          cellsOf(backend, 'distinct', writers, t),
          (r) => r.clientCpuMicros,
          (n) => n.toFixed(0),
        ),
      );
      lines.push(`| ${writers} | ${cells.join(' | ')} |`);
    }
    lines.push('');
    for (const target of targets) {
      const retried = results.filter(
        (r) => r.backend === backend && r.target === target && r.result.retries > 0,
      );
      if (retried.length > 0)
        lines.push(
          `${target} on the hot stream: ${retried.map((r) => `${r.result.retries} at ${r.writers} writers`).join(', ')} appends failed and were tried again by the caller (counted in their latency).`,
          '',
        );
    }
  }
  return lines.join('\n');
}
