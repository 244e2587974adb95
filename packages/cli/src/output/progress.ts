import { SingleBar } from 'cli-progress';

/** A progress report: a bar with rate and ETA on a terminal, nothing at all on a pipe or a file. */
export interface Progress {
  /** Sets how many items are done so far. */
  update(done: number): void;
  /** Removes the bar. */
  stop(): void;
}

const silent: Progress = { update: () => undefined, stop: () => undefined };

/**
 * A progress bar on stderr when stderr is a terminal. `total` may be unknown: the bar then
 * shows the count and the rate only. `unit` names what is counted, e.g. "événements".
 */
export function startProgress(
  title: string,
  total: number | undefined,
  unit: string,
  stream: NodeJS.WriteStream = process.stderr,
): Progress {
  if (!stream.isTTY) return silent;
  const started = Date.now();
  const known = total !== undefined && total > 0;
  const bar = new SingleBar({
    stream,
    format: known
      ? `${title} [{bar}] {percentage}% | {value}/{total} ${unit} | {rate}/s | reste {eta_formatted}`
      : `${title} {value} ${unit} | {rate}/s`,
    barsize: 30,
    hideCursor: true,
    clearOnComplete: true,
    etaBuffer: 50,
    fps: 10,
  });
  bar.start(known ? total : 0, 0, { rate: '0' });
  return {
    update(done) {
      const seconds = (Date.now() - started) / 1000;
      const rate = seconds > 0 ? Math.round(done / seconds) : 0;
      if (known && done > total) bar.setTotal(done);
      bar.update(done, { rate: rate.toLocaleString('fr-FR') });
    },
    stop() {
      bar.stop();
    },
  };
}

/** "12 345 événements en 1,2 s (10 288/s)": the throughput line printed after long work. */
export function throughputLine(count: number, unit: string, startedAt: number): string {
  const seconds = Math.max((Date.now() - startedAt) / 1000, 0.001);
  const rate = Math.round(count / seconds);
  const duration =
    seconds < 1
      ? `${Math.round(seconds * 1000)} ms`
      : `${seconds.toLocaleString('fr-FR', { maximumFractionDigits: 1 })} s`;
  return `${count.toLocaleString('fr-FR')} ${unit} en ${duration} (${rate.toLocaleString('fr-FR')}/s)`;
}
