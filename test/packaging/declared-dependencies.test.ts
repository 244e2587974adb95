// Each package must declare what it imports: a consumer installs it alone, without this
// workspace's hoisted node_modules, so an undeclared import breaks at its first require.
import { join } from 'node:path';
import { bareImportsOf, isTestFile, listTypeScriptFiles, type BareImport } from '../../scripts/imports';
import { listPublishablePackages, readManifest, REPO_ROOT } from '../../scripts/workspace-packages';

/** Clients the consumer must own one instance of (one connection pool, one gRPC channel). */
const PEER_ONLY = ['pg', '@eventstore/db-client', '@kurrent/kurrentdb-client'];
/** Applications own their clients: they may depend on them directly. */
const APPLICATIONS = ['@cartes-badges/cli'];

const rootDevDependencies = Object.keys(readManifest(REPO_ROOT).devDependencies ?? {});
const withSources = listPublishablePackages().filter((pkg) => pkg.hasSources);

function describeImports(imports: readonly BareImport[]): string {
  return imports.map((i) => `${i.specifier} (${i.file})`).join(', ');
}

describe.each(withSources.map((pkg) => [pkg.name, pkg] as const))('%s', (_name, pkg) => {
  const files = listTypeScriptFiles(join(pkg.dir, 'src'));
  const published = files.filter((file) => !isTestFile(file)).flatMap((file) => bareImportsOf(file, pkg.dir));
  const tests = files.filter(isTestFile).flatMap((file) => bareImportsOf(file, pkg.dir));
  const {
    dependencies = {},
    peerDependencies = {},
    optionalDependencies = {},
    devDependencies = {},
  } = pkg.manifest;
  const runtime = new Set([
    ...Object.keys(dependencies),
    ...Object.keys(peerDependencies),
    ...Object.keys(optionalDependencies),
  ]);

  it('declares every package its published code imports in dependencies or peerDependencies', () => {
    const undeclared = published.filter((i) => i.packageName !== pkg.name && !runtime.has(i.packageName));
    expect(describeImports(undeclared)).toBe('');
  });

  it('declares every package its tests import (its own or the root devDependencies)', () => {
    const allowed = new Set([...runtime, ...Object.keys(devDependencies), ...rootDevDependencies, pkg.name]);
    const undeclared = tests.filter((i) => !allowed.has(i.packageName));
    expect(describeImports(undeclared)).toBe('');
  });

  it('declares no run-time dependency that it neither imports nor provides as a peer of another', () => {
    const used = new Set(published.map((i) => i.packageName));
    // An application that depends on @cartes-badges/postgres must itself bring the `pg` peer.
    const peersOfDependencies = withSources
      .filter((p) => p.name in dependencies)
      .flatMap((p) => Object.keys(p.manifest.peerDependencies ?? {}));
    const unused = [...runtime].filter(
      (dep) =>
        !used.has(dep) &&
        !peersOfDependencies.includes(dep) &&
        !(
          dep.startsWith('@types/') && used.has(dep.slice('@types/'.length).replace(/^(.+)__(.+)$/, '@$1/$2'))
        ),
    );
    expect(unused).toEqual([]);
  });

  it(`lists a client the consumer must own (${PEER_ONLY.join(', ')}) as a peer dependency`, () => {
    if (APPLICATIONS.includes(pkg.name)) return;
    const misplaced = PEER_ONLY.filter((name) => name in dependencies);
    const missingPeer = published
      .map((i) => i.packageName)
      .filter((name) => PEER_ONLY.includes(name) && !(name in peerDependencies));
    expect({ misplaced, missingPeer: [...new Set(missingPeer)] }).toEqual({ misplaced: [], missingPeer: [] });
  });

  it('depends on the other workspace packages through workspace:^ (pnpm pack turns it into ^version)', () => {
    const names = new Set(withSources.map((p) => p.name));
    const wrong = Object.entries({ ...dependencies, ...peerDependencies })
      .filter(([name, range]) => names.has(name) && range !== 'workspace:^')
      .map(([name, range]) => `${name}@${range}`);
    expect(wrong).toEqual([]);
  });
});
