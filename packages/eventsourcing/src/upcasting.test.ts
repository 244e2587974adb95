import type { JsonValue } from './json';
import { createUpcasterRegistry } from './upcasting';
import { recordedForTest } from './testing';

describe('createUpcasterRegistry', () => {
  it('refuses two upcasters for the same type and version', () => {
    const upcast = (data: JsonValue) => ({ data });
    expect(() =>
      createUpcasterRegistry([
        { eventType: 'A', fromSchemaVersion: 1, upcast },
        { eventType: 'A', fromSchemaVersion: 1, upcast },
      ]),
    ).toThrow(/Two upcasters for A at schema version 1/);
  });

  it('refuses a rename that was not declared', () => {
    const registry = createUpcasterRegistry([
      { eventType: 'A', fromSchemaVersion: 1, upcast: () => ({ type: 'B', data: 1 }) },
    ]);
    expect(() => registry.upcast(recordedForTest([{ type: 'A', data: 0 }])[0])).toThrow(
      /without declaring renamesTo/,
    );
  });

  it('names the stored types that read as the wanted ones, across chained renames', () => {
    const registry = createUpcasterRegistry([
      { eventType: 'A', fromSchemaVersion: 1, renamesTo: 'B', upcast: (data) => ({ type: 'B', data }) },
      { eventType: 'B', fromSchemaVersion: 2, renamesTo: 'C', upcast: (data) => ({ type: 'C', data }) },
    ]);
    expect([...registry.storedTypesFor(['C'])].sort()).toEqual(['A', 'B', 'C']);
    expect(registry.storedTypesFor(['X'])).toEqual(['X']);
    const [event] = recordedForTest([{ type: 'A', data: 0 }]);
    expect(registry.upcast(event)).toMatchObject({ type: 'C', metadata: { schemaVersion: 3 } });
    expect(event).toMatchObject({ type: 'A', metadata: { schemaVersion: 1 } });
  });
});
