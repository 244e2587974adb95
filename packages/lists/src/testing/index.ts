export * from './read-side-test-kit';
