export * from './list-projection-target';
export * from './lists-projection-target';
