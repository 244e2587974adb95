import { checkAppendOptions } from '../append-options';
import { validateEventsToAppend } from '../validate-events';
import { EventDecodeError } from '../errors';
import type { EventToAppend, RecordedEvent } from '../events';
import type { JsonValue } from '../json';
import { isNoChangeMarker } from '../no-change-marker';
import { readAllInPages, readStreamInPages } from '../paged-read';
import { createReadPipeline, keepStoredForm, withAppendedEvents } from '../read-pipeline';
import type { EventStore, Subscription } from '../store';
import type { EventDecoder } from '../store-options';
import type { PersonalFields } from './personal-fields';
import { valueAt, withValueAt } from './personal-fields';
import type { PersonalDataKeys } from './personal-data-keys';
import { isSealedValue, openSealedValue, sealValue } from './sealed-value';

/** What a personal value reads as once its subject's key is destroyed. */
export const ERASED_TEXT = '[effacé]';

/** How `protectPersonalData` finds, seals and reads personal values. */
export interface PersonalDataProtection {
  readonly keys: PersonalDataKeys;
  readonly fields: PersonalFields;
  /** The subject a stream's personal values belong to (one key each); undefined: none in this stream. */
  readonly subjectOf: (streamId: string) => string | undefined;
  /**
   * The domain's decoder, run after decryption. Give it here, not to the store underneath: the
   * store's own read pipeline would see ciphertext where the domain expects the clear value.
   */
  readonly decoder?: EventDecoder;
  /** What an erased value reads as; defaults to `ERASED_TEXT`. */
  readonly erasedValue?: JsonValue;
}

type KeyOf = (subject: string) => Uint8Array | null | undefined;

const KEYS = Symbol('personalDataKeys');

/** The keys of a store made by `protectPersonalData` (what an erasure destroys); undefined for any other store. */
export function personalDataKeysOf(store: EventStore): PersonalDataKeys | undefined {
  return (store as EventStore & { [KEYS]?: PersonalDataKeys })[KEYS];
}

/**
 * The store with crypto-shredding of personal values: before append, each non-null personal
 * value is replaced by its ciphertext under the stream's subject key (so the hash chain covers
 * the ciphertext); on every read path it is decrypted, or reads as erased once the key is
 * destroyed. `verifyStream` and digests still see the stored (sealed) form through
 * `storedFormOf`, so erasure never breaks a chain or an archived digest. The result keeps the
 * store's own members beyond the port (its prototype is the store).
 */
export function protectPersonalData(store: EventStore, protection: PersonalDataProtection): EventStore {
  const { keys, fields, subjectOf } = protection;
  const erased = protection.erasedValue ?? ERASED_TEXT;
  const decode = createReadPipeline(protection.decoder ? { decoder: protection.decoder } : {});

  function sealedPaths(event: { readonly type: string; readonly data: JsonValue }): string[] {
    const paths = fields[event.type];
    if (!paths) return [];
    return paths.filter((path) => isSealedValue(valueAt(event.data, path)));
  }

  function open(event: RecordedEvent, keyOf: KeyOf): RecordedEvent {
    if (isNoChangeMarker(event)) return event;
    const paths = sealedPaths(event);
    if (paths.length === 0) return decode.read(event);
    const subject = subjectOf(event.streamId) ?? event.streamId;
    const key = keyOf(subject);
    let data = event.data;
    for (const path of paths) {
      const sealed = valueAt(data, path) as { $personal: string };
      // Never keyed (a keys table lost or not restored) reads as erased too: the value is gone.
      const value = key ? openSealedValue(sealed, key, subject) : erased;
      if (value === undefined) {
        throw new EventDecodeError(
          event.streamId,
          event.version,
          event.type,
          [{ path: `data.${path}`, expected: `a personal value sealed with the key of ${subject}` }],
          event.globalPosition,
        );
      }
      data = withValueAt(data, path, value);
    }
    return decode.read(keepStoredForm(event, { ...event, data } as RecordedEvent));
  }

  async function keysOfPage(page: readonly RecordedEvent[]): Promise<KeyOf> {
    const subjects = new Set<string>();
    for (const event of page) {
      if (!isNoChangeMarker(event) && sealedPaths(event).length > 0) {
        subjects.add(subjectOf(event.streamId) ?? event.streamId);
      }
    }
    if (subjects.size === 0) return () => undefined;
    const found = await keys.keysFor([...subjects]);
    return (subject) => found.get(subject);
  }

  async function openPage(page: readonly RecordedEvent[]): Promise<RecordedEvent[]> {
    const keyOf = await keysOfPage(page);
    return page.map((event) => open(event, keyOf));
  }

  async function seal(
    streamId: string,
    events: readonly EventToAppend[],
  ): Promise<{ events: readonly EventToAppend[]; key?: Uint8Array }> {
    const subject = subjectOf(streamId);
    if (subject === undefined) return { events };
    const toSeal = events.map((event) =>
      (fields[event.type] ?? []).filter((path) => {
        const value = valueAt(event.data, path);
        return value !== undefined && value !== null && !isSealedValue(value);
      }),
    );
    if (toSeal.every((paths) => paths.length === 0)) return { events };
    const key = await keys.keyForWriting(subject);
    const sealed = events.map((event, i) => {
      let data = event.data;
      for (const path of toSeal[i])
        data = withValueAt(data, path, sealValue(valueAt(data, path)!, key, subject));
      return data === event.data ? event : { ...event, data };
    });
    return { events: sealed, key };
  }

  const methods: EventStore = {
    async appendToStream(streamId, events, options) {
      // Checked before sealing, as the store would check them: sealing makes the subject's key,
      // which a refused write must not leave, and walks the events (a null event or a bigint
      // value was a raw TypeError from that walk instead of the store's error naming it).
      validateEventsToAppend(streamId, events);
      checkAppendOptions(options);
      const sealed = await seal(streamId, events);
      const result = await store.appendToStream(streamId, sealed.events, options);
      const subject = subjectOf(streamId) ?? streamId;
      const keyOf: KeyOf = (asked) => (asked === subject ? sealed.key : undefined);
      return withAppendedEvents(
        { nextExpectedVersion: result.nextExpectedVersion, globalPosition: result.globalPosition },
        () => {
          const recorded = result.events;
          if (!recorded) return undefined;
          try {
            return recorded.map((event) => open(event, keyOf));
          } catch {
            // As a store's own append: the append stands; a reader meets the error on read.
            return undefined;
          }
        },
      );
    },
    async *readStream(streamId, options) {
      for await (const page of readStreamInPages(store, streamId, options)) yield* await openPage(page);
    },
    async *readStreamPages(streamId, options) {
      for await (const page of readStreamInPages(store, streamId, options)) yield await openPage(page);
    },
    async *readAll(options) {
      for await (const page of readAllInPages(store, options)) yield* await openPage(page);
    },
    async *readAllPages(options) {
      for await (const page of readAllInPages(store, options)) yield await openPage(page);
    },
    subscribe(options) {
      const inner = store.subscribe(options);
      const subscription: Subscription = {
        close: () => inner.close(),
        async *[Symbol.asyncIterator]() {
          // One event at a time, its key looked up as it comes: a long-lived subscription must
          // see an erasure made after it started, so no key is kept between events.
          for await (const event of inner) yield (await openPage([event]))[0];
        },
      };
      return subscription;
    },
    close: () => store.close(),
  };
  // The store's other members (a SQLite store's `database`, a PostgreSQL store's `pool`) stay
  // reachable through the prototype, for the tables that live beside the events.
  const protectedStore = Object.assign(Object.create(store) as EventStore, methods);
  Object.defineProperty(protectedStore, KEYS, { value: keys, enumerable: false });
  return protectedStore;
}
