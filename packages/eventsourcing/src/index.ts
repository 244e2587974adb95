export * from './json';
export * from './events';
export * from './store';
export * from './errors';
export * from './decider';
export * from './command';
