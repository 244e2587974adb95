// Every refusal of an append's batch, word for word, from both checks (the plain one and the one
// that writes the canonical texts while checking); and the texts that second one keeps.
import { InvalidEventError } from './errors';
import { checkEventsToAppend, validateEventsToAppend } from './validate-events';

const actor = { role: 'adherent', userId: 'u-1' };
const UUID = '0b5d8d7e-8f6a-4c3b-9a1e-2f4d6c8b0a11';

const refusals: [string, unknown, string][] = [
  ['not an object', 'Opened', 'event must be an object { type, data }'],
  ['a blank type', { type: '  ', data: 1 }, 'type must be a non-empty string'],
  ['a type that is not text', { type: 5, data: 1 }, 'type must be a non-empty string'],
  [
    'a type with NUL',
    { type: 'A\u0000', data: 1 },
    'type must not contain the NUL character (U+0000), found at index 1',
  ],
  ['no data', { type: 'A' }, 'data is missing'],
  ['data not JSON', { type: 'A', data: { at: new Date(0) } }, 'data.at is a Date, not a plain JSON object'],
  ['an event id that is no UUID', { type: 'A', data: 1, eventId: 'abc' }, 'eventId must be a UUID string'],
  ['an event id that is not text', { type: 'A', data: 1, eventId: 7 }, 'eventId must be a UUID string'],
  ['metadata that is no object', { type: 'A', data: 1, metadata: [] }, 'metadata must be an object'],
  [
    'an actor that is no object',
    { type: 'A', data: 1, metadata: { actor: 'u-1' } },
    'metadata.actor must be an object { role, userId }',
  ],
  [
    'an actor without role',
    { type: 'A', data: 1, metadata: { actor: { userId: 'u' } } },
    'metadata.actor.role must be a non-empty string',
  ],
  [
    'an actor with an empty user',
    { type: 'A', data: 1, metadata: { actor: { role: 'r', userId: '' } } },
    'metadata.actor.userId must be a non-empty string',
  ],
  [
    'an actor with a lone surrogate',
    { type: 'A', data: 1, metadata: { actor: { role: 'r', userId: 'u', siret: 'x\ud800' } } },
    'metadata.actor.siret must be valid Unicode: lone surrogate U+D800 at index 1',
  ],
  [
    'an actor that is not JSON',
    { type: 'A', data: 1, metadata: { actor: { role: 'r', userId: 'u', n: Number.NaN } } },
    'metadata.actor.n is NaN, not a finite JSON number',
  ],
  [
    'an empty command id',
    { type: 'A', data: 1, metadata: { commandId: '' } },
    'metadata.commandId must be a non-empty string or null',
  ],
  [
    'a correlation id that is not text',
    { type: 'A', data: 1, metadata: { correlationId: 3 } },
    'metadata.correlationId must be a non-empty string or null',
  ],
  [
    'a causation id with NUL',
    { type: 'A', data: 1, metadata: { causationId: '\u0000' } },
    'metadata.causationId must not contain the NUL character (U+0000), found at index 0',
  ],
  [
    'schema version 0',
    { type: 'A', data: 1, metadata: { schemaVersion: 0 } },
    'metadata.schemaVersion must be an integer of at least 1',
  ],
  [
    'schema version 1.5',
    { type: 'A', data: 1, metadata: { schemaVersion: 1.5 } },
    'metadata.schemaVersion must be an integer of at least 1',
  ],
  ...[
    '2024-05-01',
    '2024-05-01T08:30:00',
    '2024-13-01T08:30:00Z',
    ' 2024-05-01T08:30:00Z',
    20240501,
    // Date.parse reads these as other instants (2 March; 08:30 of the machine's time zone).
    '2026-02-30T08:30:00Z',
    '2024-05-01T24:00:00Z',
    '2024-05-01T08:30:00Z\u0000',
  ].map((occurredAt): [string, unknown, string] => [
    `occurredAt ${String(occurredAt)}`,
    { type: 'A', data: 1, metadata: { occurredAt } },
    'metadata.occurredAt must be an ISO-8601 instant such as 2024-05-01T08:30:00.000Z',
  ]),
];

describe.each([
  ['validateEventsToAppend', validateEventsToAppend],
  ['checkEventsToAppend', checkEventsToAppend],
])('%s', (_name, check) => {
  it.each(refusals)('refuses %s, word for word', (_label, bad, message) => {
    let error: unknown;
    try {
      check('s-1', [{ type: 'Ok', data: {} }, bad]);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(InvalidEventError);
    expect((error as Error).message).toBe(`Stream s-1, event #1: ${message}`);
  });

  it('refuses a stream id that is empty, not text or not storable, and a batch that is not an array', () => {
    expect(() => check('', [])).toThrow('Stream , event #-1: streamId must be a non-empty string');
    expect(() => check(7 as never, [])).toThrow('Stream 7, event #-1: streamId must be a non-empty string');
    expect(() => check('s\u0000', [])).toThrow(
      'Stream s\u0000, event #-1: streamId must not contain the NUL character (U+0000), found at index 1',
    );
    expect(() => check('s-1', { type: 'A', data: 1 })).toThrow(
      'Stream s-1, event #-1: events must be an array of events',
    );
  });

  it('takes well-formed events: offsets, fractions, minutes only, null ids, a UUID', () => {
    expect(() =>
      check('s-1', [
        { type: 'A', data: null, eventId: UUID, metadata: { schemaVersion: 1 } },
        {
          type: 'B',
          data: [1],
          metadata: { occurredAt: '2024-05-01T08:30+02:00', commandId: null, schemaVersion: 2 },
        },
        {
          type: 'C',
          data: {},
          metadata: { occurredAt: '2024-05-01T08:30:00.123456Z', actor, correlationId: 'c' },
        },
      ]),
    ).not.toThrow();
  });
});

describe('checkEventsToAppend texts', () => {
  it("keeps each event's canonical data and actor text, undefined without an actor, the same actor once", () => {
    expect(
      checkEventsToAppend('s-1', [
        { type: 'A', data: { b: 1, a: [true] }, metadata: { actor } },
        { type: 'B', data: 'x', metadata: { actor } },
        { type: 'C', data: null },
        { type: 'D', data: 2, metadata: { actor: { userId: 'u-2', role: 'gestionnaire' } } },
      ]),
    ).toEqual([
      { dataText: '{"a":[true],"b":1}', actorText: '{"role":"adherent","userId":"u-1"}' },
      { dataText: '"x"', actorText: '{"role":"adherent","userId":"u-1"}' },
      { dataText: 'null', actorText: undefined },
      { dataText: '2', actorText: '{"role":"gestionnaire","userId":"u-2"}' },
    ]);
  });

  it('writes the data of an event whose data is the very object the previous one named as actor', () => {
    const shared = { role: 'adherent', userId: 'u-1' };
    expect(
      checkEventsToAppend('s-1', [
        { type: 'A', data: 1, metadata: { actor: shared } },
        { type: 'B', data: shared },
      ]),
    ).toEqual([
      { dataText: '1', actorText: '{"role":"adherent","userId":"u-1"}' },
      { dataText: '{"role":"adherent","userId":"u-1"}', actorText: undefined },
    ]);
  });
});
