import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, relative } from 'node:path';
import ts from 'typescript';

/** One bare import found in a source file. */
export interface BareImport {
  /** The package name (`fp-ts` for `fp-ts/Either`, `@scope/name` for `@scope/name/sub`). */
  readonly packageName: string;
  readonly specifier: string;
  /** File that imports it, relative to the package folder. */
  readonly file: string;
}

const BUILTINS = new Set(builtinModules);

/** True for `node:fs`, `fs`, `fs/promises` and the like. */
export function isNodeBuiltin(specifier: string): boolean {
  return specifier.startsWith('node:') || BUILTINS.has(specifier) || BUILTINS.has(specifier.split('/')[0]);
}

/** `fp-ts/Either` → `fp-ts`, `@scope/name/sub` → `@scope/name`. */
export function packageNameOf(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** Every `.ts` file under a folder (skipping node_modules and dist). */
export function listTypeScriptFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory())
      return entry.name === 'node_modules' || entry.name === 'dist' ? [] : listTypeScriptFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** True for a file that is a test (never compiled into `dist/`, never published). */
export function isTestFile(path: string): boolean {
  return /\.test\.ts$/.test(path) || /[\\/]__tests__[\\/]/.test(path);
}

// `require.resolve('x')` and `import.meta.resolve('x')` load a package as surely as an import.
const RESOLVE_CALL = /\brequire\.resolve\(\s*['"]([^'"]+)['"]/g;

/**
 * The bare (package) imports of a file: static and dynamic imports, `export ... from`,
 * `require()`, `require.resolve()` and `import type` (a published `.d.ts` keeps type imports,
 * so the consumer needs that package's types too). Relative paths and Node built-ins are left out.
 */
export function bareImportsOf(file: string, packageDir: string): BareImport[] {
  const text = readFileSync(file, 'utf8');
  const { importedFiles } = ts.preProcessFile(text, true, true);
  const specifiers = importedFiles.map((ref) => ref.fileName);
  for (const match of text.matchAll(RESOLVE_CALL)) specifiers.push(match[1]);
  return specifiers
    .filter(
      (specifier) => !specifier.startsWith('.') && !specifier.startsWith('/') && !isNodeBuiltin(specifier),
    )
    .map((specifier) => ({
      packageName: packageNameOf(specifier),
      specifier,
      file: relative(packageDir, file),
    }));
}
