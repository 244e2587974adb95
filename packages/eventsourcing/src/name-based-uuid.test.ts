import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { version } from 'uuid';
import { commandEventId, KERNEL_UUID_NAMESPACE, nameBasedUuid, nameBasedUuids } from './name-based-uuid';

describe('nameBasedUuid', () => {
  it('matches the RFC 4122 version 5 reference value', () => {
    // uuid v5 of "www.example.com" in the DNS namespace, as published by RFC 4122 implementations.
    expect(nameBasedUuid('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe(
      '2ed6657d-e927-568b-95e1-2665a8aea6a2',
    );
  });

  it('derives the same event id from the same stream, command and index, and a different one otherwise', () => {
    const id = commandEventId('s-1', 'cmd-1', 0);
    expect(commandEventId('s-1', 'cmd-1', 0)).toBe(id);
    expect(
      new Set([
        id,
        commandEventId('s-1', 'cmd-1', 1),
        commandEventId('s-2', 'cmd-1', 0),
        commandEventId('s-1', 'cmd-2', 0),
      ]).size,
    ).toBe(4);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

describe('nameBasedUuid against a plain SHA-1 reference', () => {
  it('gives the RFC 4122 v5 id of any name, in any namespace', () => {
    const reference = (name: string, namespace: string): string => {
      const bytes = createHash('sha1')
        .update(Buffer.from(namespace.replace(/-/g, ''), 'hex'))
        .update(name, 'utf8')
        .digest()
        .subarray(0, 16);
      bytes[6] = (bytes[6] & 0x0f) | 0x50;
      bytes[8] = (bytes[8] & 0x3f) | 0x80;
      const hex = bytes.toString('hex');
      return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
    };
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.uuid(), (name, namespace) => {
        expect(nameBasedUuid(name, namespace)).toBe(reference(name, namespace));
        expect(nameBasedUuid(name)).toBe(reference(name, KERNEL_UUID_NAMESPACE));
      }),
      { numRuns: 200 },
    );
  });
});

// Ids already stored must never change: these are the outputs of the hand-written generator the
// `uuid` package replaced (commit 966c1da), byte for byte. Stream, command id, index, event id.
const STORED_EVENT_IDS: readonly (readonly [string, string, number, string])[] = [
  ['dossier-0b6c1f2e-5d1a-5b8e-9c3f-7a2d4e6f8a10', 'create-1', 0, '8e47055b-4b7b-5223-92a2-f612342e0097'],
  ['dossier-0b6c1f2e-5d1a-5b8e-9c3f-7a2d4e6f8a10', 'save-1', 3, 'a16041a0-bbcb-5e72-819f-21adcb0a1deb'],
  ['s-1', 'cmd-1', 0, 'acf64f7b-d61d-5800-8144-339bfbc69894'],
  ['dossier-é', 'commande-été-🚀', 12, '1adee106-f91f-5057-88ff-909bb81cf17a'],
  ['s', '\ud800lone', 0, 'ac3fd7bd-e87a-52e5-b00e-25106b457378'],
];

describe('ids derived before the switch to the uuid package', () => {
  it.each(STORED_EVENT_IDS)('event %s / %s / %i keeps its id', (streamId, commandId, index, expected) => {
    expect(commandEventId(streamId, commandId, index)).toBe(expected);
  });

  it('names in any namespace keep their ids, an empty name and a lone surrogate included', () => {
    expect(nameBasedUuid('', KERNEL_UUID_NAMESPACE)).toBe('a30863d8-a206-58ef-9a6c-3d1b62c072c0');
    expect(nameBasedUuid('a', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe(
      '4f3f2898-69e3-5a0d-820a-c4e87987dbce',
    );
    // A lone surrogate is written as U+FFFD (EF BF BD), as Buffer always did; `uuid` given the
    // string itself would throw a URIError instead.
    expect(nameBasedUuid('\ud800', KERNEL_UUID_NAMESPACE)).toBe(
      nameBasedUuid('\ufffd', KERNEL_UUID_NAMESPACE),
    );
  });

  it('a namespace maker gives the same ids as the one-off call, all of version 5', () => {
    const inDns = nameBasedUuids('6ba7b810-9dad-11d1-80b4-00c04fd430c8');
    expect(inDns('www.example.com')).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
    expect(version(inDns('x'))).toBe(5);
    expect(() => nameBasedUuids('not-a-namespace')).toThrow(TypeError);
  });
});
