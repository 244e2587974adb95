export * from './sqlite-personal-data-keys';
