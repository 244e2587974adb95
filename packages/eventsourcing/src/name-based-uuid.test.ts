import { commandEventId, nameBasedUuid } from './name-based-uuid';

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
