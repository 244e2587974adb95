export * from './in-memory-list-read-model';
export * from './select-page';
