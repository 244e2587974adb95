// What an upcaster registry refuses, word for word, and where a chain of upcasts stops.
import type { JsonValue } from './json';
import { recordedForTest } from './testing';
import { createUpcasterRegistry } from './upcasting';

const same = (data: JsonValue) => ({ data });
const stored = (type: string, schemaVersion = 1) => {
  const [event] = recordedForTest([{ type, data: { n: 0 } }]);
  return { ...event, metadata: { ...event.metadata, schemaVersion } };
};

describe('upcaster registry', () => {
  it.each([0, -1, 1.5, Number.NaN])('refuses fromSchemaVersion %p', (fromSchemaVersion) => {
    expect(() => createUpcasterRegistry([{ eventType: 'A', fromSchemaVersion, upcast: same }])).toThrow(
      new Error('Upcaster for A: fromSchemaVersion must be an integer >= 1'),
    );
  });

  it('names the type and version of two upcasters for the same step; other versions or types are fine', () => {
    expect(() =>
      createUpcasterRegistry([
        { eventType: 'A', fromSchemaVersion: 2, upcast: same },
        { eventType: 'A', fromSchemaVersion: 2, upcast: same },
      ]),
    ).toThrow(new Error('Two upcasters for A at schema version 2'));
    expect(() =>
      createUpcasterRegistry([
        { eventType: 'A', fromSchemaVersion: 1, upcast: same },
        { eventType: 'A', fromSchemaVersion: 2, upcast: same },
        { eventType: 'B', fromSchemaVersion: 1, upcast: same },
      ]),
    ).not.toThrow();
  });

  it('upcasts from the stored version on, one step each, and gives the same object when none applies', () => {
    const registry = createUpcasterRegistry([
      {
        eventType: 'A',
        fromSchemaVersion: 1,
        upcast: (data) => ({ data: { ...(data as object), v2: true } }),
      },
      {
        eventType: 'A',
        fromSchemaVersion: 2,
        upcast: (data) => ({ data: { ...(data as object), v3: true } }),
      },
    ]);
    expect(registry.upcast(stored('A', 2))).toMatchObject({
      type: 'A',
      data: { n: 0, v3: true },
      metadata: { schemaVersion: 3 },
    });
    expect(registry.upcast(stored('A', 2)).data).not.toHaveProperty('v2');
    const newest = stored('A', 3);
    expect(registry.upcast(newest)).toBe(newest);
  });

  it('names the upcaster that renamed an event without declaring it', () => {
    const registry = createUpcasterRegistry([
      { eventType: 'A', fromSchemaVersion: 4, renamesTo: 'B', upcast: () => ({ type: 'C', data: 1 }) },
    ]);
    expect(() => registry.upcast(stored('A', 4))).toThrow(
      new Error('Upcaster A v4 renamed the event to C without declaring renamesTo'),
    );
  });

  it('stops a chain that never ends, naming the event type', () => {
    // Every step moves on a version, as a real one does; a thousand of them is a loop, not a history.
    const upcasters = Array.from({ length: 1000 }, (_, i) => ({
      eventType: 'A',
      fromSchemaVersion: i + 1,
      upcast: same,
    }));
    expect(() => createUpcasterRegistry(upcasters).upcast(stored('A'))).toThrow(
      new Error('Upcasting A never ends: check the upcasters for a loop'),
    );
    const [, ...fewer] = upcasters;
    expect(createUpcasterRegistry(fewer).upcast(stored('A', 2)).metadata.schemaVersion).toBe(1001);
  });
});
