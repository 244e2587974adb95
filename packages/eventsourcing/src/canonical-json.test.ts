import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json';
import { GENESIS_HASH } from './events';
import { computeEventHash, prepareEventsForAppend } from './hash-chain';

describe('canonicalJson', () => {
  it('sorts keys at every depth and leaves no whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: null, y: 'é' }], c: true } })).toBe(
      '{"a":{"c":true,"d":[3,{"y":"é","z":null}]},"b":1}',
    );
  });

  it('gives the same text whatever the key order', () => {
    expect(canonicalJson({ x: 1, y: { p: 2, q: 3 } })).toBe(canonicalJson({ y: { q: 3, p: 2 }, x: 1 }));
  });
});

describe('hash chain', () => {
  const fields = {
    streamId: 's-1',
    version: 0,
    type: 'Opened',
    data: { b: 2, a: 1 },
    occurredAt: '2024-05-01T08:30:00.000Z',
    actor: { role: 'adherent', userId: 'u-1' },
    prevHash: GENESIS_HASH,
  };

  it('hashes the canonical JSON of streamId, version, type, data, occurredAt, actor and prevHash', () => {
    const text =
      '{"actor":{"role":"adherent","userId":"u-1"},"data":{"a":1,"b":2},"occurredAt":"2024-05-01T08:30:00.000Z",' +
      `"prevHash":"${GENESIS_HASH}","streamId":"s-1","type":"Opened","version":0}`;
    expect(computeEventHash(fields)).toBe(createHash('sha256').update(text).digest('hex'));
  });

  it('changes with each chained field', () => {
    const base = computeEventHash(fields);
    for (const change of [
      { streamId: 's-2' },
      { version: 1 },
      { type: 'Closed' },
      { data: { a: 1, b: 3 } },
      { occurredAt: '2024-05-01T08:30:01.000Z' },
      { actor: { role: 'adherent', userId: 'u-2' } },
      { prevHash: '1'.repeat(64) },
    ]) {
      expect(computeEventHash({ ...fields, ...change })).not.toBe(base);
    }
  });

  it('chains a batch from the previous head and fills defaults from the clock', () => {
    const prepared = prepareEventsForAppend({
      streamId: 's-1',
      firstVersion: 4,
      prevHash: 'a'.repeat(64),
      events: [
        { type: 'A', data: 1 },
        { type: 'B', data: 2, metadata: { occurredAt: '2024-01-01T00:00:00Z' } },
      ],
      now: new Date('2024-05-01T08:30:00.000Z'),
    });
    expect(prepared.map((e) => e.version)).toEqual([4, 5]);
    expect(prepared[0].metadata.prevHash).toBe('a'.repeat(64));
    expect(prepared[1].metadata.prevHash).toBe(prepared[0].metadata.hash);
    expect(prepared[0].metadata.occurredAt).toBe('2024-05-01T08:30:00.000Z');
    expect(prepared[1].metadata.occurredAt).toBe('2024-01-01T00:00:00Z');
    expect(prepared[0].recordedAt).toBe('2024-05-01T08:30:00.000Z');
    expect(prepared[0].metadata.actor).toEqual({ role: 'system', userId: 'system' });
  });
});
