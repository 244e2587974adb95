import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { scaledTimeout } from '@cartes-badges/eventsourcing/testing';
import { REPO_ROOT } from '../../scripts/workspace-packages';

// Issue 17: a team that only wants an event store must not load the domain (io-ts, the rules,
// the list engine). The store packages keep their list read models at the `/lists` subpath; their
// root loads the kernel and the database driver only. Each import runs in a fresh process, so
// the modules seen are those the import itself loaded.

const tsxCli = require.resolve('tsx/cli', { paths: [REPO_ROOT] });
const probe = join(__dirname, 'loaded-modules.ts');

/** The workspace packages and dependencies a fresh process loads when it requires `specifier`. */
async function loadedBy(specifier: string): Promise<Set<string>> {
  const { stdout } = await promisify(execFile)(process.execPath, [tsxCli, probe, specifier], {
    cwd: REPO_ROOT,
    maxBuffer: 16 * 1024 * 1024,
  });
  const names = new Set<string>();
  for (const file of JSON.parse(stdout) as string[]) {
    const workspace = /[\\/]packages[\\/]([a-z-]+)[\\/]/.exec(file);
    if (workspace && !file.includes('node_modules')) names.add(`@cartes-badges/${workspace[1]}`);
    const dependency = /node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)[\\/](?!.*node_modules)/.exec(file);
    if (dependency) names.add(dependency[1].replace(/\\/g, '/'));
  }
  return names;
}

describe.each(['sqlite', 'postgres'])('@cartes-badges/%s', (store) => {
  it(
    'its root loads the kernel and the store, never the domain, the lists or io-ts',
    async () => {
      const loaded = await loadedBy(`@cartes-badges/${store}`);
      expect(loaded).toContain('@cartes-badges/eventsourcing');
      expect(loaded).toContain(`@cartes-badges/${store}`);
      expect(loaded).not.toContain('@cartes-badges/domain');
      expect(loaded).not.toContain('@cartes-badges/lists');
      expect(loaded).not.toContain('io-ts');
    },
    scaledTimeout(60_000),
  );

  it(
    'its /lists subpath loads the domain (the probe sees what an import pulls in)',
    async () => {
      const loaded = await loadedBy(`@cartes-badges/${store}/lists`);
      expect(loaded).toContain('@cartes-badges/domain');
      expect(loaded).toContain('io-ts');
    },
    scaledTimeout(60_000),
  );
});
