export * from './postgres-list-read-model';
export { migrateReadModels } from './migrate-read-models';
export {
  READ_MODELS_COMPONENT,
  READ_MODEL_MIGRATIONS,
  READ_MODEL_MIGRATIONS_TABLE,
  LIST_CHECKPOINTS_TABLE,
  listTableOf,
} from './read-model-schema';
export type { ReadModelMigration } from './read-model-schema';
