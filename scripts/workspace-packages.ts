import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The repository's root folder (this file sits in `scripts/`). */
export const REPO_ROOT = resolve(__dirname, '..');

/** What a package.json says that the packaging scripts and tests read. */
export interface PackageManifest {
  readonly name: string;
  readonly version: string;
  readonly private?: boolean;
  readonly main?: string;
  readonly types?: string;
  readonly exports?: Record<string, unknown>;
  readonly files?: readonly string[];
  readonly engines?: Record<string, string>;
  readonly license?: string;
  readonly bin?: string | Record<string, string>;
  readonly dependencies?: Record<string, string>;
  readonly peerDependencies?: Record<string, string>;
  readonly optionalDependencies?: Record<string, string>;
  readonly devDependencies?: Record<string, string>;
}

/** A publishable package of `packages/`. */
export interface WorkspacePackage {
  readonly name: string;
  readonly version: string;
  /** Absolute folder of the package. */
  readonly dir: string;
  readonly manifest: PackageManifest;
  /**
   * True once the package has sources to build (`src/index.ts`). Packages are written while
   * the packaging machinery runs: one that has only its package.json is not built yet.
   */
  readonly hasSources: boolean;
}

/** Reads a package.json. */
export function readManifest(dir: string): PackageManifest {
  return JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as PackageManifest;
}

/**
 * Every non-private package under `packages/`, ordered so that a package comes after the
 * workspace packages it depends on (the order to build them in).
 */
export function listPublishablePackages(root: string = REPO_ROOT): WorkspacePackage[] {
  const packagesDir = join(root, 'packages');
  const found = readdirSync(packagesDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(packagesDir, entry.name, 'package.json')))
    .map((entry): WorkspacePackage => {
      const dir = join(packagesDir, entry.name);
      const manifest = readManifest(dir);
      return {
        name: manifest.name,
        version: manifest.version,
        dir,
        manifest,
        hasSources: existsSync(join(dir, 'src', 'index.ts')),
      };
    })
    .filter((pkg) => pkg.manifest.private !== true);
  return topologicalOrder(found);
}

/** Names of the workspace packages a package depends on at run time. */
export function internalDependencies(pkg: WorkspacePackage, all: readonly WorkspacePackage[]): string[] {
  const names = new Set(all.map((p) => p.name));
  const declared = { ...pkg.manifest.dependencies, ...pkg.manifest.peerDependencies };
  return Object.keys(declared).filter((name) => names.has(name));
}

function topologicalOrder(packages: readonly WorkspacePackage[]): WorkspacePackage[] {
  const byName = new Map(packages.map((p) => [p.name, p]));
  const ordered: WorkspacePackage[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (pkg: WorkspacePackage, path: readonly string[]): void => {
    const seen = state.get(pkg.name);
    if (seen === 'done') return;
    if (seen === 'visiting')
      throw new Error(`Dependency cycle between packages: ${[...path, pkg.name].join(' → ')}`);
    state.set(pkg.name, 'visiting');
    for (const dep of internalDependencies(pkg, packages))
      visit(byName.get(dep) as WorkspacePackage, [...path, pkg.name]);
    state.set(pkg.name, 'done');
    ordered.push(pkg);
  };
  [...packages].sort((a, b) => a.name.localeCompare(b.name)).forEach((pkg) => visit(pkg, []));
  return ordered;
}
