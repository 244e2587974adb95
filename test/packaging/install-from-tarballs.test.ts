import { scaledTimeout } from '@cartes-badges/eventsourcing/testing';
// Proves that what we would publish works outside this repository: every package is built and
// packed, the tarballs are installed with npm into a fresh project in the system's temporary
// folder, and the example service (examples/use-it-in-your-service) is type-checked against
// the installed declarations and run, in TypeScript, in CommonJS JavaScript and as an ES module.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { buildablePackages, packAll, type PackAllResult } from '../../scripts/pack-all';
import { readManifest, REPO_ROOT, type PackageManifest } from '../../scripts/workspace-packages';
import { documentedOutput } from './use-it-doc';
import {
  assertOutsideWorkspace,
  copyExample,
  npmInstall,
  reuseBetterSqlite3Addon,
  runIn,
  TYPESCRIPT_7,
  writeConsumerManifest,
} from './consumer-project';

jest.setTimeout(scaledTimeout(6 * 60 * 1000));

let consumer: string;
let result: PackAllResult;
let readmeExamples: string[];
const timings: Record<string, number> = {};

function timed<T>(label: string, step: () => T): T {
  const start = Date.now();
  try {
    return step();
  } finally {
    timings[label] = Date.now() - start;
  }
}

beforeAll(() => {
  consumer = realpathSync(mkdtempSync(join(tmpdir(), 'cartes-badges-consumer-')));
  assertOutsideWorkspace(consumer);
  result = timed('build and pack', () => packAll(join(consumer, 'tarballs')));
  writeConsumerManifest(consumer, result.packed);
  timed('npm install', () => npmInstall(consumer));
  reuseBetterSqlite3Addon(consumer);
  readmeExamples = copyExample(consumer, result.packed);
});

afterAll(() => {
  console.log(
    `install-from-tarballs: ${result?.packed.map((p) => p.name).join(', ')}; ` +
      Object.entries(timings)
        .map(([label, ms]) => `${label} ${(ms / 1000).toFixed(1)} s`)
        .join(', ') +
      (result?.skipped.length
        ? `; not packed yet (no sources, or a dependency has none): ${result.skipped.map((p) => p.name).join(', ')}`
        : ''),
  );
  if (consumer && !process.env.KEEP_CONSUMER_PROJECT) rmSync(consumer, { recursive: true, force: true });
});

function installedManifest(name: string): PackageManifest {
  return JSON.parse(
    readFileSync(join(consumer, 'node_modules', name, 'package.json'), 'utf8'),
  ) as PackageManifest;
}

function tarballEntries(tarball: string): string[] {
  return execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).split('\n').filter(Boolean);
}

it('packs the packages that exist: at least the kernel', () => {
  expect(result.packed.map((p) => p.name)).toContain('@cartes-badges/eventsourcing');
});

it('ships only the build (and the CLI bin), the README, the licence and the changelog (no sources, no tests)', () => {
  for (const pkg of result.packed) {
    const entries = tarballEntries(pkg.tarball).map((entry) => entry.replace(/^package\//, ''));
    const unexpected = entries.filter(
      (entry) =>
        !/^(dist\/|bin\/cartes-badges\.js$|package\.json$|README\.md$|LICENSE$|CHANGELOG\.md$)/.test(entry) ||
        /\.test\./.test(entry),
    );
    expect({ pkg: pkg.name, unexpected }).toEqual({ pkg: pkg.name, unexpected: [] });
    expect({
      pkg: pkg.name,
      has: ['README.md', 'LICENSE', 'CHANGELOG.md', 'dist/index.js', 'dist/index.d.ts'].filter((f) =>
        entries.includes(f),
      ).length,
    }).toEqual({ pkg: pkg.name, has: 5 });
  }
});

it('installs every package from its tarball into node_modules outside the workspace', () => {
  for (const pkg of result.packed) {
    const installedDir = realpathSync(join(consumer, 'node_modules', pkg.name));
    expect(installedDir.startsWith(REPO_ROOT + sep)).toBe(false);
    const manifest = installedManifest(pkg.name);
    expect(manifest.version).toBe(pkg.version);
    // pnpm pack turned every workspace:^ into a real range that npm could resolve.
    expect(JSON.stringify(manifest)).not.toContain('workspace:');
  }
  const lock = JSON.parse(readFileSync(join(consumer, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, { resolved?: string }>;
  };
  for (const pkg of result.packed) {
    expect(lock.packages[`node_modules/${pkg.name}`]?.resolved).toBe(
      `file:tarballs/${pkg.tarball.split(sep).pop()}`,
    );
  }
});

it('loads every entry of each exports map in plain Node (no jest, no workspace) and finds its types', () => {
  const entries: string[] = [];
  for (const pkg of result.packed) {
    const manifest = installedManifest(pkg.name);
    for (const [subpath, target] of Object.entries(manifest.exports ?? {})) {
      if (subpath === './package.json') continue;
      entries.push(subpath === '.' ? pkg.name : `${pkg.name}/${subpath.slice(2)}`);
      const types = (target as { types?: string }).types;
      expect({ subpath, types }).toEqual({ subpath, types: expect.stringMatching(/\.d\.ts$/) });
      expect(existsSync(join(consumer, 'node_modules', pkg.name, types as string))).toBe(true);
    }
  }
  // One process requires them all and says where each came from and how many names it exports.
  const script = `for (const e of ${JSON.stringify(entries)}) console.log(e, require.resolve(e), Object.keys(require(e)).length);`;
  const lines = runIn(consumer, process.execPath, ['-e', script]).trim().split('\n');
  expect(lines).toHaveLength(entries.length);
  for (const line of lines) {
    const [entry, file, count] = line.split(' ');
    expect({ entry, inConsumer: file.startsWith(join(consumer, 'node_modules') + sep) }).toEqual({
      entry,
      inConsumer: true,
    });
    expect({ entry, exportsSomething: Number(count) > 0 }).toEqual({ entry, exportsSomething: true });
  }
});

it('type-checks the services and each README example against the installed declarations', () => {
  expect(readmeExamples.length).toBe(result.packed.length);
  const tsc = join(consumer, 'node_modules', 'typescript', 'bin', 'tsc');
  expect(runIn(consumer, process.execPath, [tsc, '--version']).trim()).toBe(
    `Version ${readManifest(REPO_ROOT).devDependencies?.typescript}`,
  );
  // skipLibCheck is false in the example's tsconfig: the published .d.ts files are checked too.
  const output = timed('tsc --noEmit', () => runIn(consumer, process.execPath, [tsc, '--noEmit', '-p', '.']));
  expect(output).toBe('');
});

it('builds with tsc and runs the TypeScript service: it prints the Dossiers list the docs show', () => {
  const tsc = join(consumer, 'node_modules', 'typescript', 'bin', 'tsc');
  timed('tsc build', () => runIn(consumer, process.execPath, [tsc, '-p', '.', '--noEmit', 'false']));
  const output = runIn(consumer, process.execPath, [join('build', 'service.js')]);
  // On each store: one dossier, its number, card type, company, state label, total HT.
  expect(output).toBe(documentedOutput());
  expect(output).toMatch(
    /^\d{4}AF\d{6} \| Carte chronotachygraphe \(chrono\) \| .+ \| Transmis \| 157,50 €$/m,
  );
});

it(`type-checks, builds and runs the same files with TypeScript ${TYPESCRIPT_7}, the newest 7.x: one tsconfig for 5.x and 7.x`, () => {
  const tsc7 = join(consumer, 'node_modules', 'typescript7', 'bin', 'tsc');
  expect(runIn(consumer, process.execPath, [tsc7, '--version']).trim()).toBe(`Version ${TYPESCRIPT_7}`);
  expect(
    timed('tsc 7 --noEmit', () => runIn(consumer, process.execPath, [tsc7, '--noEmit', '-p', '.'])),
  ).toBe('');
  runIn(consumer, process.execPath, [tsc7, '-p', '.', '--noEmit', 'false', '--outDir', 'build-ts7']);
  expect(runIn(consumer, process.execPath, [join('build-ts7', 'service.js')])).toBe(documentedOutput());
});

it('runs the plain JavaScript (CommonJS) service and prints the same as the TypeScript one', () => {
  const fromJs = runIn(consumer, process.execPath, [join('src', 'service-commonjs.js')]);
  expect(fromJs).toBe(documentedOutput());
});

const cliBuildable = buildablePackages().ready.some((p) => p.name === '@cartes-badges/cli');
(cliBuildable ? it : it.skip)(
  'runs the cartes-badges command installed from the CLI tarball: demo, then verify',
  () => {
    const bin = join(consumer, 'node_modules', '.bin', 'cartes-badges');
    expect(runIn(consumer, bin, ['--version']).trim()).toBe(installedManifest('@cartes-badges/cli').version);
    const store = ['--store', 'sqlite:./demo.db'];
    timed('cli demo', () => runIn(consumer, bin, ['demo', '--dossiers', '3', ...store]));
    // verify exits 0 (runIn throws otherwise) and says every chain holds.
    expect(runIn(consumer, bin, ['verify', ...store])).toMatch(/^OK\b/);
  },
);

it('imports the packages from an ES module with named imports', () => {
  const output = runIn(consumer, process.execPath, [join('src', 'service-esm.mjs')]);
  expect(output.trim()).toBe('esm: cardType CHRONO,BTP');
});
