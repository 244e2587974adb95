import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { commandEventId, KERNEL_UUID_NAMESPACE, nameBasedUuid } from './name-based-uuid';

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
