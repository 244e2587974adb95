import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { canonicalJsonIfJson } from './canonical-json';
import { canonicalJson } from './canonical-json';
import { InvalidEventError } from './errors';
import type { Actor } from './events';
import { computeEventHash } from './hash-chain';
import type { JsonValue } from './json';
import { checkEventsToAppend, validateEventsToAppend } from './validate-events';

// The hash function as it was before the single-pass rewrite: the canonical JSON of an object
// holding the seven chained fields. Stored events were hashed with it and must still verify.
function hashAsBefore(fields: Parameters<typeof computeEventHash>[0]): string {
  const chained: JsonValue = {
    streamId: fields.streamId,
    version: fields.version,
    type: fields.type,
    data: fields.data,
    occurredAt: fields.occurredAt,
    actor: fields.actor,
    prevHash: fields.prevHash,
  };
  return createHash('sha256').update(canonicalJson(chained), 'utf8').digest('hex');
}

const actorArbitrary: fc.Arbitrary<Actor> = fc
  .tuple(fc.string({ minLength: 1 }), fc.string({ minLength: 1 }), fc.dictionary(fc.string(), fc.jsonValue()))
  .map(([role, userId, extra]) => ({ ...(extra as Record<string, JsonValue>), role, userId }));

describe('canonical JSON in one pass', () => {
  it('writes the same text as canonicalJson for any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(canonicalJsonIfJson(value)).toBe(canonicalJson(value as JsonValue));
      }),
      { numRuns: 200 },
    );
  });

  it('hashes every event exactly as before (same SHA-256 input)', () => {
    fc.assert(
      fc.property(
        fc.record({
          streamId: fc.string({ minLength: 1 }),
          version: fc.nat(),
          type: fc.string({ minLength: 1 }),
          data: fc.jsonValue() as fc.Arbitrary<JsonValue>,
          occurredAt: fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
          actor: actorArbitrary,
          prevHash: fc.stringMatching(/^[0-9a-f]{64}$/),
        }),
        (fields) => {
          expect(computeEventHash(fields)).toBe(hashAsBefore(fields));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('says undefined for what is not JSON', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    const sparse: number[] = [1];
    sparse[2] = 3;
    for (const value of [
      undefined,
      NaN,
      Infinity,
      1n,
      () => 1,
      Symbol('s'),
      new Date(0),
      new Map(),
      cyclic,
      sparse,
    ]) {
      expect(canonicalJsonIfJson(value)).toBeUndefined();
      expect(canonicalJsonIfJson({ nested: [value] })).toBeUndefined();
    }
    expect(canonicalJsonIfJson({ a: undefined })).toBeUndefined();
  });
});

describe('checkEventsToAppend', () => {
  const errorOf = (run: () => unknown): unknown => {
    try {
      run();
    } catch (error) {
      return error;
    }
    return undefined;
  };
  const cyclic: Record<string, unknown> = { a: 1 };
  cyclic.b = { back: cyclic };
  const badBatches: unknown[] = [
    'not an array',
    [null],
    [{ type: '', data: 1 }],
    [{ type: 'A' }],
    [{ type: 'A', data: { z: 1, a: [1, undefined] } }],
    [{ type: 'A', data: { b: NaN, a: 1n } }],
    [{ type: 'A', data: cyclic }],
    [{ type: 'A', data: 1, eventId: 'nope' }],
    [{ type: 'A', data: 1, metadata: { actor: { role: 'r' } } }],
    [{ type: 'A', data: 1, metadata: { actor: { role: 'r', userId: 'u', at: new Date(0) } } }],
    [{ type: 'A', data: 1, metadata: { occurredAt: 'yesterday' } }],
    [
      { type: 'A', data: 1 },
      { type: 'B', data: { x: () => 1 } },
    ],
  ];

  it('refuses what validateEventsToAppend refuses, with the same error', () => {
    for (const batch of badBatches) {
      const expected = errorOf(() => validateEventsToAppend('s-1', batch));
      const actual = errorOf(() => checkEventsToAppend('s-1', batch));
      expect(expected).toBeInstanceOf(InvalidEventError);
      expect(actual).toBeInstanceOf(InvalidEventError);
      expect((actual as Error).message).toBe((expected as Error).message);
      expect(actual).toMatchObject({ ...(expected as object) });
    }
  });

  it('gives the canonical text of each event data and actor, one text for a shared actor', () => {
    const actor = { userId: 'u-1', role: 'adherent' };
    const checked = checkEventsToAppend('s-1', [
      { type: 'A', data: { b: 1, a: [true, null] }, metadata: { actor } },
      { type: 'B', data: 'text', metadata: { actor } },
      { type: 'C', data: 2 },
    ]);
    expect(checked).toEqual([
      { dataText: '{"a":[true,null],"b":1}', actorText: '{"role":"adherent","userId":"u-1"}' },
      { dataText: '"text"', actorText: '{"role":"adherent","userId":"u-1"}' },
      { dataText: '2', actorText: undefined },
    ]);
  });
});
