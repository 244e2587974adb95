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

  // RFC 8785 (JCS), section 3.2.2: the RFC's input, parsed, then written canonically.
  it('writes the JCS example of RFC 8785 section 3.2.2 as the RFC does', () => {
    const input =
      '{"numbers":[333333333.33333329,1E30,4.50,2e-3,0.000000000000000000000000001],' +
      '"string":"\\u20ac$\\u000F\\u000aA\'\\u0042\\u0022\\u005c\\\\\\"\\/","literals":[null,true,false]}';
    expect(canonicalJson(JSON.parse(input))).toBe(
      '{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],' +
        '"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}',
    );
  });

  // RFC 8785, section 3.2.3: keys sorted by UTF-16 code units, not by code points or locale.
  it('sorts keys by UTF-16 code units as RFC 8785 section 3.2.3 does', () => {
    const input = {
      '\u20ac': 'Euro Sign',
      '\r': 'Carriage Return',
      '\ufb33': 'Hebrew Letter Dalet With Dagesh',
      '1': 'One',
      '\ud83d\ude00': 'Emoji: Grinning Face',
      '\u0080': 'Control',
      '\u00f6': 'Latin Small Letter O With Diaeresis',
    };
    // Read the order from the text: JavaScript objects list integer-like keys first, whatever.
    const values = [...canonicalJson(input).matchAll(/:"([^"]+)"/g)].map((match) => match[1]);
    expect(values).toEqual([
      'Carriage Return',
      'One',
      'Control',
      'Latin Small Letter O With Diaeresis',
      'Euro Sign',
      'Emoji: Grinning Face',
      'Hebrew Letter Dalet With Dagesh',
    ]);
  });

  it('writes -0 as 0 and refuses what is not JSON rather than write a text JCS has no form for', () => {
    expect(canonicalJson({ zero: -0 })).toBe('{"zero":0}');
    expect(() => canonicalJson({ n: Number.NaN } as never)).toThrow(TypeError);
    expect(() => canonicalJson({ n: Number.NaN } as never)).toThrow(
      new TypeError('canonicalJson: the value is not plain JSON'),
    );
    expect(() => canonicalJson({ u: undefined } as never)).toThrow(TypeError);
  });
  // RFC 8785 section 3.2.2.2: strings as ECMAScript's JSON.stringify writes them. Strings that
  // need no escape are only quoted, the others go to JSON.stringify: every UTF-16 code unit,
  // alone, inside text, as a key, and a paired surrogate, gives JSON.stringify's text.
  it('writes every string, value or key, as JSON.stringify does', () => {
    const texts = ['', 'plain', 'a\ud83d\ude00b', '\ud83d', '\ude00x'];
    for (let unit = 0; unit <= 0xffff; unit++) {
      const char = String.fromCharCode(unit);
      texts.push(char, `a${char}b`);
    }
    const mismatches = texts.filter((text) => canonicalJson(text) !== JSON.stringify(text));
    // Keys go through the same function: one object of every text as keys checks them all.
    const keys = Object.fromEntries(texts.map((text) => [text, 0]));
    const keyTexts = Object.keys(keys)
      .sort()
      .map((key) => `${JSON.stringify(key)}:0`);
    expect(canonicalJson(keys)).toBe(`{${keyTexts.join(',')}}`);
    expect(mismatches).toEqual([]);
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
