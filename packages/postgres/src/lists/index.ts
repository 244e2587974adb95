export * from './postgres-list-read-model';
export { migrateReadModels } from './migrate-read-models';
export {
  READ_MODELS_COMPONENT,
  READ_MODEL_MIGRATIONS,
  LIST_CHECKPOINTS_TABLE,
  listTableOf,
} from './read-model-schema';
