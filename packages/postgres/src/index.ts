export * from './options';
export * from './postgres-store';
export { migrate } from './migrate';
export type { MigrateOptions, MigrateResult } from './migrate';
export { MIGRATIONS, LATEST_SCHEMA_VERSION } from './migrations';
export type { Migration } from './migrations';
export { DEFAULT_SCHEMA } from './schema-name';
export * from './read-models';
export * from './blobs';
