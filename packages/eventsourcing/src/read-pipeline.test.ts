// The filter a store may push into its query: the same stream prefixes, and the stored type names
// that read as the wanted types once upcast (an event stored under an old name is not lost).
import { createInMemoryEventStore } from './in-memory-store';
import { createReadPipeline, storedFormOf } from './read-pipeline';
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

describe('the stored form kept beside an upcast event', () => {
  it('stays out of every copy and listing of the event (a spread, its keys)', async () => {
    const store = createInMemoryEventStore({ upcasters: renamed });
    await store.appendToStream('d-1', [{ type: 'FileAdded', data: { name: 'facture.pdf' } }]);
    const [read] = await all(store.readStream('d-1'));
    expect(read.type).toBe('DocumentAttached');
    expect(storedFormOf(read).type).toBe('FileAdded');
    // Hidden, so that a copy of what was read is only what was read.
    expect(Object.getOwnPropertySymbols({ ...read })).toEqual([]);
    expect(Object.keys(read).sort()).toEqual(Object.keys(storedFormOf(read)).sort());
  });
});

async function all<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}
