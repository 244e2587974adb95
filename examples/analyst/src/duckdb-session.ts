import { DuckDBInstance } from '@duckdb/node-api';
import { QUERIES, type QueryName, setupSql } from './queries';

/** A row as DuckDB gives it, converted to plain JSON values (BIGINT and DECIMAL as numbers). */
export type ResultRow = Record<string, string | number | boolean | null>;

/** An in-process DuckDB with the `events` and `dossiers` views over a folder of Parquet parts. */
export interface AnalystSession {
  run(name: QueryName): Promise<ResultRow[]>;
  close(): void;
}

const plain = (value: unknown): string | number | boolean | null =>
  value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
    ? value
    : typeof value === 'bigint'
      ? Number(value)
      : Number(String(value));

/** Opens DuckDB over `parquetGlob` (e.g. `exports/events/*.parquet`). */
export async function openAnalystSession(parquetGlob: string): Promise<AnalystSession> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  await connection.run(setupSql(parquetGlob));
  return {
    async run(name) {
      const reader = await connection.runAndReadAll(QUERIES[name]);
      return (reader.getRowObjects() as Record<string, unknown>[]).map((row) =>
        Object.fromEntries(Object.entries(row).map(([k, v]) => [k, plain(v)])),
      );
    },
    close() {
      connection.closeSync();
      instance.closeSync();
    },
  };
}
