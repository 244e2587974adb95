// `pnpm docs:api`: the API reference of every package, from its doc comments, into docs/api/.
// TypeDoc reads each package's declarations the way a consumer would, so the workspace
// packages it imports must be built first (their `types` point into dist/).
import { execFileSync } from 'node:child_process';
import { dirname, join, relative } from 'node:path';
import { buildablePackages, buildPackage, commandOutput } from './pack-all';
import { REPO_ROOT } from './workspace-packages';

const { ready, skipped } = buildablePackages();
for (const pkg of ready) {
  try {
    buildPackage(pkg);
  } catch (error) {
    console.error(`Building ${pkg.name} failed:\n${commandOutput(error)}`);
    process.exit(1);
  }
}
for (const pkg of skipped) {
  console.log(`skipped ${pkg.name}: it or a package it depends on has no src/index.ts yet`);
}
const typedoc = join(
  dirname(require.resolve('typedoc/package.json', { paths: [REPO_ROOT] })),
  'bin',
  'typedoc',
);
const entryPoints = ready.flatMap((pkg) => ['--entryPoints', relative(REPO_ROOT, pkg.dir)]);
try {
  // typedoc.json holds the options; only the list of packages that exist yet is given here.
  execFileSync(process.execPath, [typedoc, '--options', 'typedoc.json', ...entryPoints], {
    cwd: REPO_ROOT,
    stdio: 'inherit',
  });
} catch {
  process.exit(1);
}
