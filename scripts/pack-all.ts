// Builds every publishable package and packs it with `pnpm pack`, the way it would be
// published: pnpm rewrites `workspace:^` into the real version range, so the tarballs install
// anywhere. Used by `pnpm pack:all` and by the out-of-workspace install test.
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  internalDependencies,
  listPublishablePackages,
  REPO_ROOT,
  type WorkspacePackage,
} from './workspace-packages';

/** The pnpm the repository pins (see the root package.json `packageManager`). */
export const PNPM = ['--yes', 'pnpm@10.34.9'] as const;

/** One packed package. */
export interface PackedPackage {
  readonly name: string;
  readonly version: string;
  /** Absolute path of the .tgz file. */
  readonly tarball: string;
}

/** Outcome of `packAll`. */
export interface PackAllResult {
  readonly packed: readonly PackedPackage[];
  /**
   * Packages that have no sources yet (no `src/index.ts`), or depend on such a package: neither
   * built nor packed.
   */
  readonly skipped: readonly WorkspacePackage[];
}

/** Compiles one package to `dist/` from a clean folder, so that no stale file gets packed. */
export function buildPackage(pkg: WorkspacePackage): void {
  rmSync(join(pkg.dir, 'dist'), { recursive: true, force: true });
  const tsc = require.resolve('typescript/bin/tsc', { paths: [REPO_ROOT] });
  execFileSync(process.execPath, [tsc, '-p', join(pkg.dir, 'tsconfig.build.json')], {
    cwd: pkg.dir,
    stdio: 'pipe',
  });
}

/**
 * The packages that can be built now, in dependency order: those with sources whose workspace
 * dependencies can be built too. The others are skipped until they have sources.
 */
export function buildablePackages(all: readonly WorkspacePackage[] = listPublishablePackages()): {
  readonly ready: WorkspacePackage[];
  readonly skipped: WorkspacePackage[];
} {
  const ready: WorkspacePackage[] = [];
  for (const pkg of all) {
    const depsReady = internalDependencies(pkg, all).every((dep) => ready.some((r) => r.name === dep));
    if (pkg.hasSources && depsReady) ready.push(pkg);
  }
  return { ready, skipped: all.filter((pkg) => !ready.includes(pkg)) };
}

/** Builds (in dependency order) and packs every publishable package that has sources. */
export function packAll(destination: string): PackAllResult {
  const { ready, skipped } = buildablePackages();
  mkdirSync(destination, { recursive: true });
  for (const pkg of ready) {
    try {
      buildPackage(pkg);
    } catch (error) {
      throw new Error(`Building ${pkg.name} failed:\n${commandOutput(error)}`);
    }
  }
  const packed = ready.map((pkg): PackedPackage => {
    let output: string;
    try {
      output = execFileSync('npx', [...PNPM, 'pack', '--json', '--pack-destination', destination], {
        cwd: pkg.dir,
        encoding: 'utf8',
        stdio: 'pipe',
      });
    } catch (error) {
      throw new Error(`Packing ${pkg.name} failed:\n${commandOutput(error)}`);
    }
    const report = JSON.parse(output) as { name: string; version: string; filename: string };
    return { name: report.name, version: report.version, tarball: resolve(destination, report.filename) };
  });
  return { packed, skipped };
}

/** The stdout and stderr of a failed child process, for an error message that says why. */
export function commandOutput(error: unknown): string {
  const failed = error as { stdout?: Buffer | string; stderr?: Buffer | string; message?: string };
  const text = [failed.stdout, failed.stderr]
    .map((part) => (part ?? '').toString())
    .join('\n')
    .trim();
  return text || String(failed.message ?? error);
}

if (require.main === module) {
  const destination = resolve(process.argv[2] ?? join(REPO_ROOT, 'tarballs'));
  const { packed, skipped } = packAll(destination);
  for (const pkg of packed) console.log(`packed ${pkg.name}@${pkg.version} → ${pkg.tarball}`);
  for (const pkg of skipped)
    console.log(`skipped ${pkg.name}: it or a package it depends on has no src/index.ts yet`);
}
