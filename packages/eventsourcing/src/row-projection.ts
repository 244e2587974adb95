import type { DomainEvent, RecordedEvent } from './events';
import type { JsonValue } from './json';
import type { ProjectionTarget, Runnable } from './projection-target';
import type { EventFilter } from './store';
import { unstorableReason } from './storable-text';
import { isIsoDateOrInstant } from './iso-instant';

/** The SQL types a row projection's column may have; each store maps them to its own. */
export const ROW_COLUMN_TYPES = [
  'text',
  'integer',
  'bigint',
  'double',
  'boolean',
  'timestamptz',
  'json',
] as const;
/** One of ROW_COLUMN_TYPES. */
export type RowColumnType = (typeof ROW_COLUMN_TYPES)[number];

/** A row: a value (or null) per column, the key column left out. Timestamps are ISO-8601 text. */
export type ProjectedRow = { readonly [column: string]: JsonValue | undefined };

/** One column of a row projection's table. */
export interface RowColumn {
  readonly name: string;
  readonly type: RowColumnType;
}

/** Per-type handlers of a row projection: the row after the event, or undefined for no row. */
export type RowHandlers<Row extends ProjectedRow, E extends DomainEvent> = {
  readonly [T in E['type']]?: (
    row: Row | undefined,
    event: RecordedEvent<Extract<E, { type: T }>>,
  ) => Row | undefined;
};

/** What `defineRowProjection` takes. */
export interface RowProjectionSpec<Row extends ProjectedRow, E extends DomainEvent = DomainEvent> {
  /** The table's name (lower-case letters, digits, _): 1 to 48 characters, a letter first. */
  readonly name: string;
  /** Bump it when the fold or the columns change: the table is dropped and rebuilt. */
  readonly version: number;
  /** The key column's name (a text primary key). */
  readonly key: string;
  /** Which row an event is about (default: its stream id); undefined: the event touches no row. */
  readonly keyOf?: (event: RecordedEvent<E>) => string | undefined;
  /** Every other column and its type, in table order. */
  readonly columns: { readonly [K in keyof Row & string]: RowColumnType };
  readonly handlers: RowHandlers<Row, E>;
  /** Events to read (default: the handled types). */
  readonly filter?: EventFilter;
}

/** A durable row projection: a named, versioned fold of events into the rows of one table. */
export interface RowProjectionDefinition<
  Row extends ProjectedRow = ProjectedRow,
  E extends DomainEvent = DomainEvent,
> {
  readonly kind: 'rows';
  readonly name: string;
  readonly version: number;
  readonly key: string;
  readonly columns: readonly RowColumn[];
  readonly keyOf: (event: RecordedEvent<E>) => string | undefined;
  /** The row after `event`, from the row before it (undefined: no row). */
  readonly evolve: (row: Row | undefined, event: RecordedEvent<E>) => Row | undefined;
  readonly filter: EventFilter;
}

/** A row projection's definition or its data is wrong; names the projection and the field. */
export class RowProjectionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RowProjectionError';
  }
}

// Names become SQL identifiers (quoted as well): only plain lower-case names, so that no
// projection module can change the statements its table is written with.
const TABLE_NAME = /^[a-z][a-z0-9_]{0,47}$/;
const COLUMN_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * Defines a row projection (as Emmett's and Marten's single-stream projections): each event
 * folds the row of its key. Checks the names (safe SQL identifiers) and the column types.
 */
export function defineRowProjection<Row extends ProjectedRow, E extends DomainEvent = DomainEvent>(
  spec: RowProjectionSpec<Row, E>,
): RowProjectionDefinition<Row, E> {
  const where = `Projection ${JSON.stringify(spec?.name)}`;
  if (typeof spec?.name !== 'string' || !TABLE_NAME.test(spec.name))
    throw new RowProjectionError(
      `${where}: name must be 1 to 48 characters among a-z, 0-9 and _, starting with a letter`,
    );
  if (!Number.isInteger(spec.version) || spec.version < 1)
    throw new RowProjectionError(`${where}: version must be an integer of at least 1`);
  if (typeof spec.key !== 'string' || !COLUMN_NAME.test(spec.key))
    throw new RowProjectionError(
      `${where}: key must be a column name (a-z, 0-9, _; got ${JSON.stringify(spec.key)})`,
    );
  if (typeof spec.columns !== 'object' || spec.columns === null)
    throw new RowProjectionError(`${where}: columns must be an object { column: type }`);
  const columns = Object.entries(spec.columns as Record<string, unknown>).map(([name, type]) => {
    if (!COLUMN_NAME.test(name))
      throw new RowProjectionError(
        `${where}: column ${JSON.stringify(name)} must be 1 to 63 characters among a-z, 0-9 and _, not starting with a digit`,
      );
    if (name === spec.key)
      throw new RowProjectionError(`${where}: column ${name} is the key; list only the others`);
    if (!(ROW_COLUMN_TYPES as readonly unknown[]).includes(type))
      throw new RowProjectionError(
        `${where}: column ${name} has type ${JSON.stringify(type)}; expected one of ${ROW_COLUMN_TYPES.join(', ')}`,
      );
    return { name, type: type as RowColumnType };
  });
  const handlers = spec.handlers as Record<
    string,
    ((row: Row | undefined, event: RecordedEvent<E>) => Row | undefined) | undefined
  >;
  if (typeof handlers !== 'object' || handlers === null)
    throw new RowProjectionError(`${where}: handlers must be an object { EventType: (row, event) => row }`);
  const keyOf = spec.keyOf ?? ((event: RecordedEvent<E>) => event.streamId);
  return {
    kind: 'rows',
    name: spec.name,
    version: spec.version,
    key: spec.key,
    columns,
    keyOf,
    evolve: (row, event) => {
      const handler = handlers[event.type];
      return handler ? handler(row, event) : row;
    },
    filter: { ...spec.filter, eventTypes: spec.filter?.eventTypes ?? Object.keys(handlers) },
  };
}

/** What the projection runner runs for a row projection, into `target` (a table with its checkpoint). */
export function rowProjectionRunnable(
  definition: Pick<RowProjectionDefinition, 'name' | 'version' | 'filter'>,
  target: ProjectionTarget,
): Runnable {
  return { name: definition.name, version: definition.version, filter: definition.filter, target };
}

/** Whether a value is a row projection's definition (as a loaded module exports it). */
export const isRowProjection = (value: unknown): value is RowProjectionDefinition =>
  typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'rows';

/**
 * Folds a batch of events into the rows they touch, from the stored rows of their keys
 * (`stored`, as the table holds them): the rows after the batch, undefined for a row deleted.
 * Every row returned is checked against the columns (see `checkRow`).
 */
export function foldRowBatch<Row extends ProjectedRow, E extends DomainEvent>(
  definition: RowProjectionDefinition<Row, E>,
  events: readonly RecordedEvent<E>[],
  stored: ReadonlyMap<string, Row>,
): Map<string, Row | undefined> {
  const changed = new Map<string, Row | undefined>();
  for (const event of events) {
    const key = definition.keyOf(event);
    if (key === undefined) continue;
    if (typeof key !== 'string' || key === '')
      throw new RowProjectionError(
        `Projection ${definition.name}: keyOf gave ${JSON.stringify(key)} for ${event.type} (stream ${event.streamId}, version ${event.version}); a non-empty string or undefined expected`,
      );
    const unstorableKey = unstorableReason(key);
    if (unstorableKey !== undefined)
      throw new RowProjectionError(
        `Projection ${definition.name}: keyOf gave ${JSON.stringify(key)} for ${event.type} (stream ${event.streamId}, version ${event.version}); the key ${unstorableKey}`,
      );
    const before = changed.has(key) ? changed.get(key) : stored.get(key);
    const after = definition.evolve(before, event);
    if (after !== undefined) checkRow(definition, after, event);
    // The next event sees the row as the table gives it back, in memory as in SQL.
    changed.set(key, after === undefined ? undefined : (normaliseRow(definition, after) as Row));
  }
  return changed;
}

/** The whole fold in memory: every row of the table after `events` (the reference for a durable table). */
export function foldRows<Row extends ProjectedRow, E extends DomainEvent>(
  definition: RowProjectionDefinition<Row, E>,
  events: Iterable<RecordedEvent<E>>,
): Map<string, Row> {
  const rows = new Map<string, Row>();
  for (const event of events) {
    for (const [key, row] of foldRowBatch(definition, [event], rows)) {
      if (row === undefined) rows.delete(key);
      else rows.set(key, row);
    }
  }
  return rows;
}

const FITS: Readonly<Record<RowColumnType, (value: unknown) => boolean>> = {
  text: (v) => typeof v === 'string',
  integer: (v) => Number.isInteger(v) && Math.abs(v as number) <= 2 ** 31 - 1,
  bigint: (v) => Number.isSafeInteger(v),
  double: (v) => typeof v === 'number' && Number.isFinite(v),
  boolean: (v) => typeof v === 'boolean',
  timestamptz: isIsoDateOrInstant,
  json: () => true,
};

const EXPECTED: Readonly<Record<RowColumnType, string>> = {
  text: 'a string',
  integer: 'an integer between -2^31+1 and 2^31-1',
  bigint: 'a safe integer',
  double: 'a finite number',
  boolean: 'true or false',
  timestamptz: 'an ISO-8601 day (2026-01-05) or date-time with its offset (2026-01-05T10:00:00Z)',
  json: 'any JSON value',
};

/**
 * A row as a table gives it back: every column present (null when absent), timestamps as
 * `toISOString()` gives them (UTC, milliseconds).
 */
export function normaliseRow(
  definition: Pick<RowProjectionDefinition, 'columns'>,
  row: ProjectedRow,
): ProjectedRow {
  const normal: { [column: string]: JsonValue } = {};
  for (const { name, type } of definition.columns) {
    const value = row[name];
    normal[name] =
      value === undefined || value === null
        ? null
        : type === 'timestamptz'
          ? new Date(value as string).toISOString()
          : value;
  }
  return normal;
}

/** Checks a row returned by a handler: known columns only, each value null or of its column's type. */
export function checkRow(
  definition: Pick<RowProjectionDefinition, 'name' | 'columns'>,
  row: ProjectedRow,
  event: RecordedEvent,
): void {
  const at = `Projection ${definition.name} on ${event.type} (stream ${event.streamId}, version ${event.version})`;
  if (typeof row !== 'object' || row === null || Array.isArray(row))
    throw new RowProjectionError(`${at}: the handler must return a row object or undefined`);
  const types = new Map(definition.columns.map((c) => [c.name, c.type]));
  for (const [name, value] of Object.entries(row)) {
    const type = types.get(name);
    if (type === undefined)
      throw new RowProjectionError(
        `${at}: column ${JSON.stringify(name)} is not among the projection's columns`,
      );
    if (value !== null && value !== undefined && !FITS[type](value))
      throw new RowProjectionError(
        `${at}: column ${name} expects ${EXPECTED[type]}, got ${JSON.stringify(value)}`,
      );
    const unstorable = type === 'text' || type === 'json' ? unstorableIn(value) : undefined;
    if (unstorable !== undefined) throw new RowProjectionError(`${at}: column ${name}: ${unstorable}`);
  }
}

/**
 * Why a text inside `value` (a string, or any string or key of a JSON value) cannot be stored
 * unchanged, or undefined: PostgreSQL refuses NUL in text and jsonb with a raw driver error, and
 * a lone surrogate would be read back as U+FFFD. Refused on every store, so that a projection
 * folds the same rows on SQLite, PostgreSQL and in memory.
 */
function unstorableIn(value: unknown, path = ''): string | undefined {
  if (typeof value === 'string') {
    const reason = unstorableReason(value);
    return reason === undefined ? undefined : `${path === '' ? '' : `${path} `}${reason}`;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  for (const [key, item] of Object.entries(value)) {
    const keyReason = Array.isArray(value) ? undefined : unstorableReason(key);
    if (keyReason !== undefined)
      return `key ${JSON.stringify(key)} of ${path === '' ? 'the value' : path} ${keyReason}`;
    const found = unstorableIn(item, Array.isArray(value) ? `${path}[${key}]` : `${path}.${key}`);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** A row projection's table in a SQL store: a projection target whose rows can be read back. */
export interface RowProjectionTable<Row extends ProjectedRow = ProjectedRow> extends ProjectionTarget {
  /** The table's name in the database (`rows_<name>`). */
  readonly table: string;
  /** Every row, by key, as evolve sees them. */
  rows(): Promise<Map<string, Row>>;
  reset(version: number): Promise<void>;
}

/** The table a row projection is kept in: its name behind a prefix, never one of the store's own tables. */
export const rowTableOf = (name: string): string => `rows_${name}`;

/** The checkpoint table shared by every row projection of a database. */
export const ROW_PROJECTION_CHECKPOINTS = 'row_projection_checkpoints';

/** The columns as one text, stored with the checkpoint: columns changed under the same version are refused. */
export const columnsSignature = (definition: Pick<RowProjectionDefinition, 'key' | 'columns'>): string =>
  JSON.stringify([definition.key, ...definition.columns.map((c) => `${c.name}:${c.type}`)]);

/** The error when a table's columns no longer match its projection while the version did not change. */
export const columnsChangedError = (name: string): RowProjectionError =>
  new RowProjectionError(
    `Projection ${name}: its columns changed but its version did not; bump the version to rebuild the table`,
  );

/** A row projection's table was looked for where it was never built (at this version): nothing to read. */
export class RowTableNotBuiltError extends RowProjectionError {
  constructor(
    readonly projection: string,
    readonly version: number,
    /** The version the database holds, if any. */
    readonly builtVersion: number | undefined,
  ) {
    super(
      `Projection ${projection}: no table ${rowTableOf(projection)} at version ${version} in this database (${
        builtVersion === undefined ? 'never run here' : `version ${builtVersion} is there`
      }); run the projection into it first`,
    );
    this.name = 'RowTableNotBuiltError';
  }
}
