import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { DuckDBAppender } from '@duckdb/node-api';
import { duckdb } from './duckdb-module';
import type { FileWriter } from './part-writer';
import type { ColumnType, TableColumn } from './table-columns';
import { DUCKDB_TYPE } from './table-columns';

/** A SQL string literal (single quotes doubled): for the file path in COPY. */
const sqlString = (text: string): string => `'${text.replace(/'/g, "''")}'`;
/** A quoted identifier; names are checked by checkColumns before they get here. */
const ident = (name: string): string => `"${name.replace(/"/g, '""')}"`;

// Timestamps and JSON are staged as text and cast once by DuckDB in the COPY: one vectorised
// cast is cheaper than building a DuckDB value per cell in JavaScript.
const STAGED: Readonly<Record<ColumnType, string>> = {
  ...DUCKDB_TYPE,
  timestamptz: 'VARCHAR',
  json: 'VARCHAR',
};

function appendCell(appender: DuckDBAppender, type: ColumnType, value: unknown): void {
  if (value === null || value === undefined) return appender.appendNull();
  switch (type) {
    case 'text':
    case 'timestamptz':
      return appender.appendVarchar(String(value));
    case 'json':
      return appender.appendVarchar(JSON.stringify(value));
    case 'integer':
      return appender.appendInteger(Number(value));
    case 'bigint':
      return appender.appendBigInt(BigInt(value as bigint | number | string));
    case 'double':
      return appender.appendDouble(Number(value));
    case 'boolean':
      return appender.appendBoolean(Boolean(value));
  }
}

/**
 * A Parquet file written by DuckDB (zstd): the rows are appended to a staging table of an
 * in-process DuckDB (spilling to a temporary folder past its memory limit), then one COPY
 * writes the file with the columns' real types.
 */
export async function openParquetWriter(file: string, columns: readonly TableColumn[]): Promise<FileWriter> {
  const spill = fs.mkdtempSync(path.join(os.tmpdir(), 'cartes-badges-export-'));
  const instance = await duckdb().DuckDBInstance.create(':memory:', { temp_directory: spill });
  const connection = await instance.connect();
  await connection.run(
    `CREATE TABLE staged (${columns.map((c) => `${ident(c.name)} ${STAGED[c.type]}`).join(', ')})`,
  );
  const appender = await connection.createAppender('staged');
  let released = false;
  const release = (): void => {
    if (released) return;
    released = true;
    connection.closeSync();
    instance.closeSync();
    fs.rmSync(spill, { recursive: true, force: true });
  };
  return {
    async write(rows) {
      for (const row of rows) {
        for (let i = 0; i < columns.length; i += 1) appendCell(appender, columns[i].type, row[i]);
        appender.endRow();
      }
    },
    async finish() {
      try {
        appender.closeSync();
        const select = columns
          .map((c) =>
            c.type === 'timestamptz' || c.type === 'json'
              ? `CAST(${ident(c.name)} AS ${DUCKDB_TYPE[c.type]}) AS ${ident(c.name)}`
              : ident(c.name),
          )
          .join(', ');
        await connection.run(
          `COPY (SELECT ${select} FROM staged) TO ${sqlString(file)} (FORMAT parquet, COMPRESSION zstd)`,
        );
      } finally {
        release();
      }
    },
    async discard() {
      release();
    },
  };
}
