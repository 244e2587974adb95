/**
 * Two CPU profiles (`.cpuprofile`, as append-profile.ts writes them) compared function by
 * function: each one's self time per operation and the difference, largest first.
 *
 *   npx tsx bench/eventstoredb/profile-diff.ts adapter.cpuprofile raw.cpuprofile [--per 8000] [--top 40]
 */
import { readFileSync } from 'node:fs';

interface Profile {
  readonly nodes: readonly {
    readonly id: number;
    readonly callFrame: { readonly functionName: string; readonly url: string };
    readonly children?: readonly number[];
  }[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

const args = process.argv.slice(2);
const option = (name: string, fallback: number): number => {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? Number(args[index + 1]) : fallback;
};
const [first, second] = args;
const PER = option('per', 1);
const TOP = option('top', 40);

/**
 * Self time (µs) by function name and file, the `(idle)` time left out, and so is the profiler's
 * own stop: the samples under `node:inspector`'s `post` (shown as `dispatch`), where the session
 * builds the profile on the main thread, longer for the larger profile (about 20 against 7 µs
 * per event read in one pair of read profiles, 22 against 13 µs per append in a pair of append
 * profiles: not the adapter's cost).
 */
function selfTimes(file: string): Map<string, number> {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const profilerOwn = new Set<number>();
  const markUnder = (id: number): void => {
    profilerOwn.add(id);
    for (const child of profile.nodes.find((node) => node.id === id)?.children ?? []) markUnder(child);
  };
  for (const node of profile.nodes)
    if (node.callFrame.functionName === 'post' && node.callFrame.url === 'node:inspector') markUnder(node.id);
  const nameOf = new Map(
    profile.nodes.map((node) => [
      node.id,
      `${node.callFrame.functionName || '(anonymous)'} ${node.callFrame.url.replace(/.*\//, '')}`.trim(),
    ]),
  );
  const times = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const name = nameOf.get(id) ?? '?';
    if (name !== '(idle)' && !profilerOwn.has(id))
      times.set(name, (times.get(name) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });
  return times;
}

const a = selfTimes(first);
const b = selfTimes(second);
const total = (times: Map<string, number>) => [...times.values()].reduce((sum, t) => sum + t, 0) / PER;
console.log(`busy: ${total(a).toFixed(1)} vs ${total(b).toFixed(1)} µs per operation (idle left out)`);
const rows = [...new Set([...a.keys(), ...b.keys()])]
  .map((name) => [name, (a.get(name) ?? 0) / PER, (b.get(name) ?? 0) / PER] as const)
  .sort((x, y) => Math.abs(y[1] - y[2]) - Math.abs(x[1] - x[2]))
  .slice(0, TOP);
for (const [name, x, y] of rows)
  console.log(
    `${x.toFixed(2).padStart(8)} ${y.toFixed(2).padStart(8)} ${(x - y).toFixed(2).padStart(8)}  ${name}`,
  );
