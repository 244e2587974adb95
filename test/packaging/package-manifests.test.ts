// What each package promises a consumer besides its code: a README with install, example and
// public API, the MIT licence, a changelog, and a manifest that publishes dist/ with its types.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { entryPointsOf, expectedReadmes, readmeExample } from '../../scripts/readme-api';
import { listPublishablePackages, readManifest, REPO_ROOT } from '../../scripts/workspace-packages';

const packages = listPublishablePackages();
const withSources = packages.filter((pkg) => pkg.hasSources);
const rootLicence = readFileSync(join(REPO_ROOT, 'LICENSE'), 'utf8');
// One TypeScript program reads the exports of every package (a few seconds): build it once.
let readmes: ReturnType<typeof expectedReadmes> | undefined;
const readmeStates = (): ReturnType<typeof expectedReadmes> => (readmes ??= expectedReadmes());

describe.each(packages.map((pkg) => [pkg.name, pkg] as const))('%s', (name, pkg) => {
  const manifest = pkg.manifest;

  it('is MIT licensed, with the licence text shipped', () => {
    expect(manifest.license).toBe('MIT');
    expect(readFileSync(join(pkg.dir, 'LICENSE'), 'utf8')).toBe(rootLicence);
  });

  it('has a changelog under its own name', () => {
    expect(readFileSync(join(pkg.dir, 'CHANGELOG.md'), 'utf8').split('\n')[0]).toBe(`# ${name}`);
  });

  it('publishes dist/ with its types, the README, licence and changelog, for Node.js 20 or later', () => {
    expect(manifest.files).toEqual(expect.arrayContaining(['dist', 'README.md', 'LICENSE', 'CHANGELOG.md']));
    expect(manifest.engines?.node).toBe('>=20');
    expect(manifest.main).toBe('./dist/index.js');
    expect(manifest.types).toBe('./dist/index.d.ts');
    for (const [subpath, target] of Object.entries(manifest.exports ?? {})) {
      if (subpath === './package.json') continue;
      // TypeScript reads the first matching condition: `types` must come before `default`.
      expect({ subpath, conditions: Object.keys(target as object) }).toEqual({
        subpath,
        conditions: ['types', 'default'],
      });
    }
  });

  it('is published publicly (a scoped package is private on the registry unless told)', () => {
    expect((manifest as { publishConfig?: { access?: string } }).publishConfig?.access).toBe('public');
  });
});

describe.each(withSources.map((pkg) => [pkg.name, pkg] as const))('%s (sources)', (name, pkg) => {
  const readme = existsSync(join(pkg.dir, 'README.md'))
    ? readFileSync(join(pkg.dir, 'README.md'), 'utf8')
    : '';

  it('has a README that says what it is, how to install it, an example and its public API', () => {
    expect(readme.split('\n')[0]).toBe(`# ${name}`);
    expect(readme).toMatch(
      new RegExp(`## Install\\n\\n\`\`\`bash\\nnpm install ${name.replace('/', '\\/')}`),
    );
    const example = readmeExample(readme) ?? '';
    expect(example).toContain(`from '${name}'`);
    expect(example.trim().split('\n').length).toBeLessThanOrEqual(25);
    expect(readme).toContain('## Public API');
  });

  it('lists in its README every name its entry points export, and no other (`pnpm readme:api`)', () => {
    // Names only: a reworded doc comment does not make the list wrong, a new or removed export does.
    const state = readmeStates().find((r) => r.pkg.name === name);
    const listed = (text = '') => new Set([...text.matchAll(/^- `([^`]+)`/gm)].map((m) => m[1]));
    const [current, expected] = [listed(state?.current), listed(state?.expected)];
    const drift = {
      notListed: [...expected].filter((n) => !current.has(n)),
      noLongerExported: [...current].filter((n) => !expected.has(n)),
      fix: 'pnpm readme:api',
    };
    expect(drift).toEqual({ notListed: [], noLongerExported: [], fix: 'pnpm readme:api' });
  });

  /** Where jest's moduleNameMapper sends a specifier (a folder stands for its index.ts), repo-relative. */
  const jestTarget = (mapper: Record<string, string>, specifier: string): string | undefined => {
    for (const [pattern, target] of Object.entries(mapper)) {
      if (!new RegExp(pattern).test(specifier)) continue;
      const mapped = join(
        REPO_ROOT,
        specifier.replace(new RegExp(pattern), target).replace('<rootDir>/', ''),
      );
      const file = existsSync(`${mapped}.ts`)
        ? `${mapped}.ts`
        : existsSync(mapped) && !mapped.endsWith('.ts')
          ? join(mapped, 'index.ts')
          : mapped;
      return relative(REPO_ROOT, file);
    }
    return undefined;
  };

  it('has a source file behind every entry of its exports map, mapped for jest, tsc and TypeDoc', () => {
    const jestConfig = createRequire(__filename)(join(REPO_ROOT, 'jest.config.js')) as {
      moduleNameMapper: Record<string, string>;
    };
    const tsconfig = JSON.parse(readFileSync(join(REPO_ROOT, 'tsconfig.json'), 'utf8')) as {
      compilerOptions: { paths: Record<string, string[]> };
    };
    const entries = entryPointsOf(pkg);
    for (const entry of entries) {
      const source = relative(REPO_ROOT, entry.source);
      expect({ entry: entry.specifier, exists: existsSync(entry.source) }).toEqual({
        entry: entry.specifier,
        exists: true,
      });
      expect({
        entry: entry.specifier,
        jest: jestTarget(jestConfig.moduleNameMapper, entry.specifier),
      }).toEqual({
        entry: entry.specifier,
        jest: source,
      });
      expect(tsconfig.compilerOptions.paths[entry.specifier]).toEqual([source]);
    }
    // TypeDoc documents src/index.ts unless the package names more entry points (typedoc.json).
    const typedoc = (readManifest(pkg.dir) as { typedocOptions?: { entryPoints?: string[] } }).typedocOptions;
    const documented = typedoc?.entryPoints ?? ['src/index.ts'];
    expect(documented.map((p) => join(pkg.dir, p)).sort()).toEqual(entries.map((e) => e.source).sort());
  });
});
