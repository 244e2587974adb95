import type { EventMetadata } from '@cartes-badges/eventsourcing';
import { GENESIS_HASH } from '@cartes-badges/eventsourcing';
import { prepareEventsForAppend } from '@cartes-badges/eventsourcing/adapter';
import { toWireEvent } from './event-mapping';
import { kernelMetadataOf, WRITTEN_KEYS } from './kernel-metadata';

// What the adapter writes for an unsigned store, in its order, as the client parses it back.
const written = {
  actor: { role: 'adherent', userId: 'user-1' },
  causationId: null,
  chainVersion: 3,
  commandId: 'command-1',
  correlationId: null,
  occurredAt: '2026-12-03T08:00:00.000Z',
  prevHash: 'a'.repeat(64),
  schemaVersion: 1,
  hash: 'b'.repeat(64),
  recordedAt: '2026-12-03T08:00:01.000Z',
};

type StoredMetadata = EventMetadata & { recordedAt?: unknown };

// The reference: the metadata less `recordedAt` by the rest pattern, as fromWireRecord did it.
function restCopy(metadata: StoredMetadata): EventMetadata {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- left out on purpose
  const { recordedAt, ...rest } = metadata;
  return rest;
}

// The parsed JSON of some keys of `written` in the given order, with `extra` keys.
function parsed(keys: readonly string[], extra: Record<string, unknown> = {}): StoredMetadata {
  const source = written as Record<string, unknown>;
  const object = Object.fromEntries(keys.map((key) => [key, source[key]]));
  return JSON.parse(JSON.stringify({ ...object, ...extra })) as StoredMetadata;
}

const writtenKeys = Object.keys(written);
const withoutKey = (key: string) => writtenKeys.filter((each) => each !== key);

describe('the kernel metadata of a stored record (its metadata less recordedAt)', () => {
  // The short copy applies only to metadata with exactly these keys in this order: if the
  // kernel's chain format or toWireEvent change them, every read would take the slow path
  // unnoticed (the events read stay the same), so the list is held to what is written.
  it('knows the keys this adapter writes for an unsigned store, in their order', () => {
    const [prepared] = prepareEventsForAppend({
      streamId: 'dossier-1',
      firstVersion: 0,
      prevHash: GENESIS_HASH,
      events: [{ type: 'Opened', data: {}, metadata: { actor: written.actor, commandId: 'command-1' } }],
      now: new Date('2026-12-03T08:00:00.000Z'),
    });
    const writtenNow = JSON.parse(toWireEvent(prepared).metadataJson) as object;
    expect(Object.keys(writtenNow)).toEqual([...WRITTEN_KEYS]);
    expect(Object.keys(written)).toEqual([...WRITTEN_KEYS]);
  });

  it.each([
    ['as this adapter writes it', parsed(writtenKeys)],
    ['with recordedAt undefined', { ...parsed(writtenKeys), recordedAt: undefined }],
    ['without recordedAt', parsed(withoutKey('recordedAt'))],
    ['without chainVersion (an older chain format)', parsed(withoutKey('chainVersion'))],
    [
      'of a signed store (keyId, and a signature on the last event)',
      parsed(
        [...writtenKeys.slice(0, 5), 'keyId', ...writtenKeys.slice(5, 9), 'signature', 'recordedAt'],
        {},
      ),
    ],
    ['with a key of another writer at the end', parsed(writtenKeys, { tenant: 't-1' })],
    [
      'with a key of another writer in the middle',
      parsed([...writtenKeys.slice(0, 4), 'zone', ...writtenKeys.slice(4)]),
    ],
    ['with its keys in another order', parsed([...writtenKeys].reverse())],
    ['with a key named __proto__', JSON.parse('{"__proto__":{"x":1},"hash":"h"}') as StoredMetadata],
  ])('%s: the same keys, values and order as the rest pattern gives', (_label, metadata) => {
    const copy = kernelMetadataOf(metadata);
    const reference = restCopy(metadata);
    expect(Reflect.ownKeys(copy)).toEqual(Reflect.ownKeys(reference));
    expect(copy).toStrictEqual(reference);
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(copy).not.toBe(metadata);
    expect('recordedAt' in copy).toBe(false);
  });

  it('copies the metadata this adapter writes: the same values, the record left as it was', () => {
    const metadata = parsed(writtenKeys);
    const copy = kernelMetadataOf(metadata) as unknown as Record<string, unknown>;
    expect(Object.keys(copy)).toEqual(withoutKey('recordedAt'));
    expect(copy.actor).toBe(metadata.actor);
    expect(metadata).toEqual(written);
  });

  it('leaves out an inherited enumerable key, as the rest pattern does', () => {
    const metadata = Object.assign(Object.create({ inherited: true }) as object, parsed(writtenKeys));
    const copy = kernelMetadataOf(metadata as StoredMetadata);
    expect(copy).toStrictEqual(restCopy(metadata as StoredMetadata));
    expect(Object.keys(copy)).toEqual(withoutKey('recordedAt'));
  });
});
