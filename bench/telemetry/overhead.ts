/**
 * `npx tsx bench/telemetry/overhead.ts [streams=10000] [repetitions=7]`
 *
 * What the kernel's OpenTelemetry instrumentation costs a service: commands handled on the
 * in-memory store (5 per stream, each a read, a decide and an append: the kernel's own cost, no
 * database to hide it) in a child process per run, with @opentelemetry/api absent (resolving it
 * fails, as in a service that did not install it), installed but no SDK registered, and with an
 * SDK recording every span. The modes take turns run by run; ratios are paired run by run.
 */
import { fork } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';

const MODES = ['absent', 'api-without-sdk', 'sdk-recording'] as const;
type Mode = (typeof MODES)[number];

function runChild(mode: Mode, streams: number): Promise<number> {
  const execArgv = [...process.execArgv];
  if (mode === 'absent') execArgv.unshift('--require', join(__dirname, 'hide-opentelemetry.cjs'));
  const child = fork(join(__dirname, 'overhead-child.ts'), [mode, String(streams)], {
    execArgv,
    stdio: 'inherit',
  });
  return new Promise((resolve, reject) => {
    let result: number | undefined;
    child.on('message', (m) => (result = (m as { commandsPerSecond: number }).commandsPerSecond));
    child.on('exit', (code) =>
      result !== undefined && code === 0 ? resolve(result) : reject(new Error(`${mode}: exit ${code}`)),
    );
  });
}

const median = (v: readonly number[]): number => {
  const s = [...v].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

async function main(): Promise<void> {
  const streams = Number(process.argv[2] ?? 10_000);
  const repetitions = Number(process.argv[3] ?? 7);
  const loadBefore = loadavg()[0];
  const runs: Record<Mode, number[]> = { absent: [], 'api-without-sdk': [], 'sdk-recording': [] };
  for (let r = 0; r < repetitions; r++) {
    for (let i = 0; i < MODES.length; i++) {
      const mode = MODES[(i + r) % MODES.length];
      runs[mode].push(await runChild(mode, streams));
      process.stderr.write(`\rrepetition ${r + 1}/${repetitions}, ${mode}          `);
    }
  }
  process.stderr.write('\n');
  const base = runs.absent;
  const lines = [
    `${streams * 5} commands per run, ${repetitions} runs per mode, Node ${process.version}, ${cpus()[0]?.model} × ${cpus().length}, load ${loadBefore.toFixed(1)} before, ${loadavg()[0].toFixed(1)} after`,
    '',
    '| @opentelemetry/api | commands/s, median (min–max) | / absent, paired run by run |',
    '|---|---:|---:|',
    ...MODES.map((mode) => {
      const v = runs[mode];
      const ratios = v.map((x, i) => x / base[i]);
      return `| ${mode} | ${(median(v) / 1000).toFixed(1)} k (${(Math.min(...v) / 1000).toFixed(1)}–${(Math.max(...v) / 1000).toFixed(1)}) | ${median(ratios).toFixed(3)} (${Math.min(...ratios).toFixed(3)}–${Math.max(...ratios).toFixed(3)}) |`;
    }),
  ];
  console.log(lines.join('\n'));
}

void main();
