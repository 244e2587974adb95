// A fresh npm project outside the workspace that installs the packed tarballs, as a backend
// team would install the published packages.
import { execFileSync } from 'node:child_process';
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  realpathSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, parse, sep } from 'node:path';
import { commandOutput, type PackedPackage } from '../../scripts/pack-all';
import { readmeExample } from '../../scripts/readme-api';
import { readManifest, REPO_ROOT } from '../../scripts/workspace-packages';

/**
 * The newest TypeScript 7 on the registry (`npm view typescript dist-tags`: latest 7.0.2 on
 * 2 December 2026), installed beside the workspace's 5.x under the alias `typescript7`: the
 * example's tsconfig must be valid for both (7 stops with TS5011 where 5 only guessed rootDir).
 */
export const TYPESCRIPT_7 = '7.0.2';

/** The folder whose files the consumer project runs (shown in the README). */
export const EXAMPLE_DIR = join(REPO_ROOT, 'examples', 'use-it-in-your-service');

/** Throws unless `dir` and every folder above it lie outside the workspace and hold no node_modules. */
export function assertOutsideWorkspace(dir: string): void {
  const real = realpathSync(dir);
  if (real === REPO_ROOT || real.startsWith(REPO_ROOT + sep)) {
    throw new Error(`${real} lies inside the workspace ${REPO_ROOT}`);
  }
  // Node resolves bare imports in every node_modules above the importing file.
  for (let parent = dirname(real); parent !== parse(parent).root; parent = dirname(parent)) {
    if (existsSync(join(parent, 'node_modules'))) {
      throw new Error(`${join(parent, 'node_modules')} would leak packages into the consumer project`);
    }
  }
}

/**
 * Writes the consumer's package.json: each tarball as a `file:` dependency, and overrides that
 * make every other mention of a cartes-badges package (one package depending on another)
 * resolve to the same tarball, never to a registry.
 */
export function writeConsumerManifest(dir: string, packed: readonly PackedPackage[]): void {
  const rootDev = readManifest(REPO_ROOT).devDependencies ?? {};
  const dependencies: Record<string, string> = {};
  const overrides: Record<string, string> = {};
  for (const pkg of packed) {
    dependencies[pkg.name] = `file:${pkg.tarball}`;
    overrides[pkg.name] = `$${pkg.name}`;
  }
  const manifest = {
    name: 'a-backend-service',
    version: '1.0.0',
    private: true,
    type: 'commonjs',
    dependencies,
    devDependencies: {
      typescript: rootDev.typescript,
      typescript7: `npm:typescript@${TYPESCRIPT_7}`,
      '@types/node': rootDev['@types/node'],
    },
    overrides,
  };
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
}

/**
 * `npm install` with install scripts off: the only package that needs one is better-sqlite3,
 * whose native addon would otherwise be compiled from source (about a minute on 2 cores).
 * `reuseBetterSqlite3Addon` copies the one the workspace already built for this same version.
 */
export function npmInstall(dir: string): void {
  try {
    execFileSync(
      'npm',
      ['install', '--no-audit', '--no-fund', '--ignore-scripts', '--prefer-offline', '--loglevel=error'],
      { cwd: dir, stdio: 'pipe', encoding: 'utf8', env: npmEnvironment() },
    );
  } catch (error) {
    throw new Error(`npm install failed in ${dir}:\n${commandOutput(error)}`);
  }
}

/** The environment without pnpm's or npm's settings inherited from a `pnpm test` run. */
function npmEnvironment(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!/^(npm_|pnpm_|PNPM_)/i.test(key)) env[key] = value;
  }
  return env;
}

/** Copies the workspace's compiled better-sqlite3 addon when the consumer installed the same version. */
export function reuseBetterSqlite3Addon(consumerDir: string): 'copied' | 'not installed' {
  const target = join(consumerDir, 'node_modules', 'better-sqlite3');
  if (!existsSync(target)) return 'not installed';
  const sqlitePackage = join(REPO_ROOT, 'packages', 'sqlite');
  const source = dirname(require.resolve('better-sqlite3/package.json', { paths: [sqlitePackage] }));
  const versionOf = (dir: string): string =>
    (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string }).version;
  if (versionOf(source) !== versionOf(target)) {
    throw new Error(
      `better-sqlite3 ${versionOf(target)} installed, the workspace built ${versionOf(source)}: their addons differ`,
    );
  }
  const addon = join('build', 'Release', 'better_sqlite3.node');
  mkdirSync(dirname(join(target, addon)), { recursive: true });
  copyFileSync(join(source, addon), join(target, addon));
  return 'copied';
}

/**
 * Copies the example's sources and tsconfig into the consumer project, and the example of each
 * installed package's README into src/readme-examples/, so that tsc checks them too.
 */
export function copyExample(consumerDir: string, packed: readonly PackedPackage[]): string[] {
  cpSync(join(EXAMPLE_DIR, 'src'), join(consumerDir, 'src'), { recursive: true });
  copyFileSync(join(EXAMPLE_DIR, 'tsconfig.json'), join(consumerDir, 'tsconfig.json'));
  mkdirSync(join(consumerDir, 'src', 'readme-examples'), { recursive: true });
  const written: string[] = [];
  for (const pkg of packed) {
    const readme = join(consumerDir, 'node_modules', pkg.name, 'README.md');
    const example = existsSync(readme) ? readmeExample(readFileSync(readme, 'utf8')) : undefined;
    if (example === undefined) continue;
    const file = join('src', 'readme-examples', `${pkg.name.split('/')[1]}.ts`);
    writeFileSync(join(consumerDir, file), example);
    written.push(file);
  }
  return written;
}

/** Runs a command in the consumer project; returns its stdout, or throws with its output. */
export function runIn(dir: string, command: string, args: readonly string[]): string {
  try {
    return execFileSync(command, args, { cwd: dir, encoding: 'utf8', stdio: 'pipe', env: npmEnvironment() });
  } catch (error) {
    throw new Error(`${command} ${args.join(' ')} failed:\n${commandOutput(error)}`);
  }
}
