import type { RecordedEvent } from './events';
import type { JsonValue } from './json';

/** Turns the data of one event type at one schema version into the next schema version. */
export interface Upcaster {
  readonly eventType: string;
  /** The schema version this upcaster reads; it produces `fromSchemaVersion + 1`. */
  readonly fromSchemaVersion: number;
  /**
   * When the upcaster renames the event, the new type name. Declared so that a store can
   * still filter by type in its query; `upcast` must then return this type.
   */
  readonly renamesTo?: string;
  /** Pure: returns the new data, and the new type name when the event is renamed. */
  readonly upcast: (
    data: JsonValue,
    event: RecordedEvent,
  ) => { readonly type?: string; readonly data: JsonValue };
}

/** Upcasters by event type and schema version, applied in a chain (v1 → v2 → v3 ...). */
export interface UpcasterRegistry {
  /** Brings an event to the newest schema known; returns the same object when nothing applies. */
  upcast(event: RecordedEvent): RecordedEvent;
  /**
   * The stored type names that may read as one of `eventTypes` once upcast (the types
   * themselves included), so that a store can filter by type in its query.
   */
  storedTypesFor(eventTypes: readonly string[]): readonly string[];
}

// A chain longer than this is surely a loop through renames.
const MAX_CHAIN = 1000;

/** Builds a registry; two upcasters for the same type and version are refused. */
export function createUpcasterRegistry(upcasters: readonly Upcaster[]): UpcasterRegistry {
  const byKey = new Map<string, Upcaster>();
  for (const upcaster of upcasters) {
    if (!Number.isInteger(upcaster.fromSchemaVersion) || upcaster.fromSchemaVersion < 1) {
      throw new Error(`Upcaster for ${upcaster.eventType}: fromSchemaVersion must be an integer >= 1`);
    }
    const key = keyOf(upcaster.eventType, upcaster.fromSchemaVersion);
    if (byKey.has(key)) {
      throw new Error(
        `Two upcasters for ${upcaster.eventType} at schema version ${upcaster.fromSchemaVersion}`,
      );
    }
    byKey.set(key, upcaster);
  }

  function upcast(event: RecordedEvent): RecordedEvent {
    let current = event;
    for (let step = 0; step < MAX_CHAIN; step++) {
      const upcaster = byKey.get(keyOf(current.type, current.metadata.schemaVersion));
      if (!upcaster) return current;
      const next = upcaster.upcast(current.data, current);
      const type = next.type ?? current.type;
      if (type !== current.type && type !== upcaster.renamesTo) {
        throw new Error(
          `Upcaster ${current.type} v${current.metadata.schemaVersion} renamed the event to ${type} without declaring renamesTo`,
        );
      }
      current = {
        ...current,
        type,
        data: next.data,
        metadata: { ...current.metadata, schemaVersion: current.metadata.schemaVersion + 1 },
      } as RecordedEvent;
    }
    throw new Error(`Upcasting ${event.type} never ends: check the upcasters for a loop`);
  }

  function storedTypesFor(eventTypes: readonly string[]): readonly string[] {
    const result = new Set(eventTypes);
    // Renames may chain (A → B → C): widen until nothing new appears.
    let grew = true;
    while (grew) {
      grew = false;
      for (const upcaster of byKey.values()) {
        if (
          upcaster.renamesTo !== undefined &&
          result.has(upcaster.renamesTo) &&
          !result.has(upcaster.eventType)
        ) {
          result.add(upcaster.eventType);
          grew = true;
        }
      }
    }
    return [...result];
  }

  return { upcast, storedTypesFor };
}

function keyOf(eventType: string, schemaVersion: number): string {
  return `${schemaVersion}\u0000${eventType}`;
}
