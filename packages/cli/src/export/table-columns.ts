/** The types a column of an exported table may have (mapped to Parquet/DuckDB, CSV and NDJSON). */
export type ColumnType = 'text' | 'integer' | 'bigint' | 'double' | 'boolean' | 'timestamptz' | 'json';

/** One column of an exported table. */
export interface TableColumn {
  readonly name: string;
  readonly type: ColumnType;
}

/** A row of an exported table: one value per column, in the columns' order (null when absent). */
export type TableRow = readonly unknown[];

/** The DuckDB type a column has in a Parquet file. */
export const DUCKDB_TYPE: Readonly<Record<ColumnType, string>> = {
  text: 'VARCHAR',
  integer: 'INTEGER',
  bigint: 'BIGINT',
  double: 'DOUBLE',
  boolean: 'BOOLEAN',
  timestamptz: 'TIMESTAMPTZ',
  json: 'JSON',
};

// Column names reach SQL (DuckDB) and file headers: letters, digits and underscores only, so
// that no name given by a projection can change the statement it lands in.
const SAFE_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;

/** Checks that every column name is a plain identifier and appears once; throws naming the first bad one. */
export function checkColumns(columns: readonly TableColumn[]): void {
  const seen = new Set<string>();
  for (const column of columns) {
    if (!SAFE_NAME.test(column.name))
      throw new Error(
        `colonne ${JSON.stringify(column.name)} : nom attendu en lettres, chiffres et _ (63 caractères au plus, pas de chiffre en tête)`,
      );
    const key = column.name.toLowerCase();
    if (seen.has(key)) throw new Error(`colonne ${column.name} : nom en double`);
    seen.add(key);
    if (!(column.type in DUCKDB_TYPE))
      throw new Error(
        `colonne ${column.name} : type ${JSON.stringify(column.type)} inconnu ; attendu ${Object.keys(DUCKDB_TYPE).join(', ')}`,
      );
  }
}
