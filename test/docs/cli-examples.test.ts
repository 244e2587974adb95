import { scaledTimeout } from '@cartes-badges/eventsourcing/testing';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { createProgram } from '@cartes-badges/cli';

// Every example command of the README, docs/cli.md and `--help` is run against the demo (its
// clock is fixed, so its dossiers and numbers are always the same) and must succeed; the words
// its comment quotes ("14 résultats", "total": 5) must be in what it prints. Examples that
// write (demo, export, project, rebuild, --out, --into, a redirection) are left out: their own
// tests run them.
const ROOT = join(__dirname, '..', '..');
const WRITES = /^(demo|export|project|rebuild|blobs|erase)\b|--out\b|--into\b|--follow\b|>|--against\b/;

interface Example {
  readonly where: string;
  readonly args: readonly string[];
  readonly claims: readonly string[];
  readonly json: boolean;
}

/** Splits a command line as a shell would for these examples (quotes, no expansion). */
function words(line: string): string[] {
  return [...line.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3]);
}

function example(where: string, line: string): Example | undefined {
  const [command, comment = ''] = line.split(/\s+#\s*/, 2);
  const [beforePipe, pipe] = command.split(/\s+\|\s+/, 2);
  // Synopsis lines (`[--as USER]`, `<numéro>`) are not examples.
  if (WRITES.test(beforePipe) || beforePipe.trim() === '' || /[[<]/.test(beforePipe)) return undefined;
  return {
    where,
    args: words(beforePipe),
    claims: [...comment.matchAll(/"[^"]+"(?::\s*\d+)?/g)].map((m) =>
      /^"[^"]+":/.test(m[0]) ? m[0] : m[0].slice(1, -1),
    ),
    json: pipe !== undefined && pipe.startsWith('jq'),
  };
}

function examplesOf(file: string, prefix: RegExp): Example[] {
  return readFileSync(join(ROOT, file), 'utf8')
    .split('\n')
    .map((line, index) => {
      const match = prefix.exec(line.trim());
      return match ? example(`${file}:${index + 1}`, line.trim().slice(match[0].length)) : undefined;
    })
    .filter((e): e is Example => e !== undefined);
}

function helpExamples(): Example[] {
  return createProgram().commands.flatMap((command) => {
    let text = '';
    command.configureOutput({ writeOut: (s) => (text += s) });
    command.outputHelp();
    const after = text.slice(text.indexOf('Exemples :'));
    return after
      .split('\n')
      .filter((line) => line.trim().startsWith('cartes-badges '))
      .map((line) => example(`${command.name()} --help`, line.trim().slice('cartes-badges '.length)))
      .filter((e): e is Example => e !== undefined);
  });
}

const EXAMPLES = [
  ...examplesOf('README.md', /^npx --yes pnpm@10\.34\.9 (--silent )?cartes-badges /),
  ...examplesOf('docs/cli.md', /^cartes-badges /),
  ...helpExamples(),
];

interface Outcome {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

// Each example names the demo's store itself: a store set in the environment must not interfere.
function withoutStoreVariable(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.CARTES_BADGES_STORE;
  return env;
}

/** Runs the command lines in one tsx process (see run-cli-many.ts). */
function runAll(lines: readonly (readonly string[])[]): Outcome[] {
  const child = spawnSync(
    join(ROOT, 'node_modules/.bin/tsx'),
    [join(__dirname, 'run-cli-many.ts'), JSON.stringify(lines)],
    { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env: withoutStoreVariable() },
  );
  if (child.status !== 0) throw new Error(`run-cli-many failed: ${child.stderr}`);
  return JSON.parse(child.stdout) as Outcome[];
}

describe('the examples of the README, docs/cli.md and --help print what their text says', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cli-examples-'));
  const store = `sqlite:${join(dir, 'events.db')}`;
  let outcomes: Outcome[] = [];
  beforeAll(() => {
    const [demo, ...rest] = runAll([
      ['demo', '--store', store],
      ...EXAMPLES.map((e) => [...e.args, '--store', store]),
    ]);
    if (demo.code !== 0) throw new Error(`demo failed: ${demo.stderr}`);
    outcomes = rest;
  }, scaledTimeout(600_000));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('finds the examples (README, docs/cli.md and --help each have some)', () => {
    for (const source of ['README.md', 'docs/cli.md', '--help']) {
      expect(EXAMPLES.filter((e) => e.where.includes(source)).length).toBeGreaterThan(2);
    }
  });

  it.each(EXAMPLES.map((e, index) => [`${e.where}: cartes-badges ${e.args.join(' ')}`, e, index] as const))(
    '%s',
    (_, e, index) => {
      const result = outcomes[index];
      expect({ code: result.code, stderr: result.code === 0 ? '' : result.stderr }).toEqual({
        code: 0,
        stderr: '',
      });
      expect(result.stdout.length).toBeGreaterThan(0);
      for (const claim of e.claims) expect(result.stdout).toContain(claim);
      if (e.json) expect(() => JSON.parse(result.stdout)).not.toThrow();
    },
  );
});
