import type * as DuckDb from '@duckdb/node-api';

let loaded: typeof DuckDb | undefined;

/**
 * DuckDB's Node API, loaded on first use: its native binding takes about half a second to load,
 * which every other command of the CLI would pay at start-up. (A dynamic `import()` would do the
 * same in the CLI, but jest's CommonJS runtime refuses it.)
 */
export function duckdb(): typeof DuckDb {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  loaded ??= require('@duckdb/node-api') as typeof DuckDb;
  return loaded;
}
