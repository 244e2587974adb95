import { propertyRuns } from './property-runs';

describe('propertyRuns (the runs of a property test, fewer under mutation testing)', () => {
  const saved = process.env.MUTATION_PROPERTY_RUNS;
  afterEach(() => {
    if (saved === undefined) delete process.env.MUTATION_PROPERTY_RUNS;
    else process.env.MUTATION_PROPERTY_RUNS = saved;
  });

  it('gives the normal count when MUTATION_PROPERTY_RUNS is not set or empty', () => {
    delete process.env.MUTATION_PROPERTY_RUNS;
    expect(propertyRuns(300)).toBe(300);
    process.env.MUTATION_PROPERTY_RUNS = '';
    expect(propertyRuns(300)).toBe(300);
  });

  it('gives fewer runs when asked, never more than the normal count', () => {
    process.env.MUTATION_PROPERTY_RUNS = '100';
    expect(propertyRuns(300)).toBe(100);
    expect(propertyRuns(40)).toBe(40);
  });

  it.each(['0', '-5', '2.5', 'many'])(
    'refuses MUTATION_PROPERTY_RUNS=%s, naming what it expects',
    (asked) => {
      process.env.MUTATION_PROPERTY_RUNS = asked;
      expect(() => propertyRuns(300)).toThrow(
        `MUTATION_PROPERTY_RUNS must be a whole number of at least 1 (got ${asked})`,
      );
    },
  );
});
