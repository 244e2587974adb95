export * from './actors';
export * from './commands';
export * from './decider-harness';
export * from './files';
export * from './histories';
export * from './reference-data';
export * from './service-harness';
export * from './service-journeys';
