export * from './postgres-list-read-model';
export { migrateReadModels } from './migrate-read-models';
export { READ_MODEL_MIGRATIONS } from './read-model-schema';
// Shared with every SQL list read model.
export { READ_MODELS_COMPONENT, LIST_CHECKPOINTS_TABLE, listTableOf } from '@cartes-badges/domain/adapter';
