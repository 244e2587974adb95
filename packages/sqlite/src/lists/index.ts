export * from './sqlite-list-read-model';
export {
  READ_MODELS_COMPONENT,
  READ_MODEL_MIGRATIONS,
  LIST_CHECKPOINTS_TABLE,
  listTableOf,
} from './read-model-schema';
