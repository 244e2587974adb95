export * from './personal-data-keys';
export * from './in-memory-personal-data-keys';
export * from './personal-fields';
export * from './sealed-value';
export * from './protect-personal-data';
