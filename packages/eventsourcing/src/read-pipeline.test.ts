// The filter a store may push into its query: the same stream prefixes, and the stored type names
// that read as the wanted types once upcast (an event stored under an old name is not lost).
import { createReadPipeline } from './read-pipeline';
import { createUpcasterRegistry } from './upcasting';

const renamed = createUpcasterRegistry([
  {
    eventType: 'FileAdded',
    fromSchemaVersion: 1,
    renamesTo: 'DocumentAttached',
    upcast: (data) => ({ type: 'DocumentAttached', data }),
  },
]);

describe('storageFilter', () => {
  it('is no filter for no filter, and an empty one for an empty filter', () => {
    expect(createReadPipeline().storageFilter(undefined)).toBeUndefined();
    expect(createReadPipeline().storageFilter({})).toStrictEqual({});
  });

  it('keeps the stream prefixes, as a list', () => {
    expect(createReadPipeline().storageFilter({ streamPrefix: 'dossier-' })).toEqual({
      streamPrefix: ['dossier-'],
    });
    expect(createReadPipeline().storageFilter({ streamPrefix: ['a-', 'b-'] })).toEqual({
      streamPrefix: ['a-', 'b-'],
    });
  });

  it('asks for the wanted types, and with upcasters for the old names that read as them', () => {
    expect(createReadPipeline().storageFilter({ eventTypes: ['DocumentAttached'] })).toEqual({
      eventTypes: ['DocumentAttached'],
    });
    expect(
      createReadPipeline({ upcasters: renamed }).storageFilter({
        streamPrefix: 'd-',
        eventTypes: ['DocumentAttached'],
      }),
    ).toEqual({ streamPrefix: ['d-'], eventTypes: ['DocumentAttached', 'FileAdded'] });
  });
});
