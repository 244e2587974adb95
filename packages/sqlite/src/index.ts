export * from './sqlite-store';
export * from './location';
export { NotAnEventStoreError } from './read-only';
export * from './migrations';
export { EVENTS_COMPONENT, EVENTS_MIGRATIONS } from './schema';
export * from './blobs';
export * from './row-projections';
export * from './personal-data';
