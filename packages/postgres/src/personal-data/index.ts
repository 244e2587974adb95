export * from './postgres-personal-data-keys';
