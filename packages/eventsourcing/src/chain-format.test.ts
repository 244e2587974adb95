import { createHash } from 'node:crypto';
import fc from 'fast-check';
import history from './__tests__/chain-format-1-history.json';
import { canonicalJson } from './canonical-json';
import { CHAIN_VERSION, chainFormatOf, chainedTextOf, metadataText } from './chain-format';
import type { EventMetadata, RecordedEvent } from './events';
import { GENESIS_HASH } from './events';
import { prepareEventsForAppend, recomputeHash } from './hash-chain';
import type { JsonObject, JsonValue } from './json';
import type { EventStore } from './store';
import { verifyStream } from './verify';

// The history as the code before chain format 2 wrote it (in-memory store, 2 December 2026).
const formatOneHistory = history.map(
  (event) => ({ ...event, globalPosition: BigInt(event.globalPosition) }) as unknown as RecordedEvent,
);

// A store that only reads back the given events.
const storeOf = (events: readonly RecordedEvent[]): EventStore =>
  ({
    async *readStream(streamId: string) {
      for (const event of events) if (event.streamId === streamId) yield event;
    },
  }) as unknown as EventStore;

describe('hash chain formats', () => {
  const [prepared] = prepareEventsForAppend({
    streamId: 's-1',
    firstVersion: 0,
    prevHash: GENESIS_HASH,
    events: [
      {
        type: 'Opened',
        data: { b: 2, a: 1 },
        eventId: '0B6C1F2E-1111-4C6D-8E7F-0123456789AB',
        metadata: {
          actor: { userId: 'u-1', role: 'adherent' },
          commandId: 'c-1',
          correlationId: 'k-1',
          schemaVersion: 2,
          occurredAt: '2024-05-01T08:30:00.000Z',
        },
      },
    ],
    now: new Date('2024-05-01T08:30:01.000Z'),
  });
  const event = { ...prepared, streamId: 's-1', globalPosition: 7n } as RecordedEvent;

  // The text format 2 and 3 hash for this event, but for its chain format.
  const chainedText = (format: number, extra = '') =>
    '{"data":{"a":1,"b":2},"eventId":"0b6c1f2e-1111-4c6d-8e7f-0123456789ab","metadata":{' +
    `"actor":{"role":"adherent","userId":"u-1"},"causationId":null,"chainVersion":${format},"commandId":"c-1",` +
    `"correlationId":"k-1",${extra}"occurredAt":"2024-05-01T08:30:00.000Z","prevHash":"${GENESIS_HASH}",` +
    '"schemaVersion":2},"recordedAt":"2024-05-01T08:30:01.000Z","streamId":"s-1","type":"Opened","version":0}';

  it('format 3 hashes the canonical JSON of everything stored but the global position and the hash', () => {
    const text = chainedText(3);
    expect(chainedTextOf(event)).toBe(text);
    expect(event.metadata.hash).toBe(createHash('sha256').update(text).digest('hex'));
    expect(event.metadata.chainVersion).toBe(CHAIN_VERSION);
    expect(recomputeHash({ ...event, globalPosition: 99n })).toBe(event.metadata.hash);
  });

  it('format 2, written before signatures, keeps its text: every metadata key but the hash', () => {
    const formatTwo = { ...event, metadata: { ...event.metadata, chainVersion: 2 } } as RecordedEvent;
    expect(chainedTextOf(formatTwo)).toBe(chainedText(2));
    const withSignature = {
      ...formatTwo,
      metadata: { ...formatTwo.metadata, signature: 'x' },
    } as RecordedEvent;
    expect(chainedTextOf(withSignature)).toBe(
      chainedText(2, '').replace('"schemaVersion":2', '"schemaVersion":2,"signature":"x"'),
    );
  });

  it('format 3 covers the key id and leaves out only the signature, which signs the hash', () => {
    const signed = {
      ...event,
      metadata: { ...event.metadata, keyId: 'k-1', signature: 'x' },
    } as RecordedEvent;
    expect(chainedTextOf(signed)).toBe(chainedText(3, '"keyId":"k-1",'));
    const resigned = { ...signed, metadata: { ...signed.metadata, signature: 'y' } } as RecordedEvent;
    expect(recomputeHash(resigned)).toBe(recomputeHash(signed));
  });

  it('format 3 covers a metadata key added later, without a new format', () => {
    const extended = {
      ...event,
      metadata: { ...event.metadata, commandFingerprint: 'abc' },
    } as RecordedEvent;
    expect(recomputeHash(extended)).not.toBe(event.metadata.hash);
  });

  it('writes the metadata text canonicalJson writes, for any metadata', () => {
    const optionalId = fc.option(fc.string({ minLength: 1 }), { nil: null });
    fc.assert(
      fc.property(
        fc.record({
          actor: fc
            .dictionary(fc.string(), fc.jsonValue())
            .map((extra) => ({ ...extra, role: 'r', userId: 'u' })),
          commandId: optionalId,
          correlationId: optionalId,
          causationId: optionalId,
          schemaVersion: fc.integer({ min: 1, max: 1000 }),
          occurredAt: fc.string(),
          prevHash: fc.string(),
          keyId: fc.option(fc.string(), { nil: undefined }),
        }),
        (given) => {
          const { keyId, ...rest } = given;
          const fields = keyId === undefined ? rest : given;
          const metadata = { ...fields, chainVersion: CHAIN_VERSION } as unknown as JsonObject;
          expect(metadataText({ ...fields, actorText: canonicalJson(fields.actor as JsonValue) })).toBe(
            canonicalJson(metadata),
          );
        },
      ),
      { numRuns: 200 },
    );
  });

  it('reads the format from chainVersion: absent is 1, 2 is 2, 3 is 3, anything else is unknown', () => {
    const metadata = (chainVersion: unknown) =>
      ({ ...event.metadata, chainVersion }) as unknown as EventMetadata;
    const { chainVersion: _, ...formatOne } = event.metadata;
    expect(chainFormatOf(formatOne)).toBe(1);
    expect(chainFormatOf(metadata(2))).toBe(2);
    expect(chainFormatOf(metadata(3))).toBe(3);
    for (const other of [1, 4, '3', null]) {
      expect(chainFormatOf(metadata(other))).toBeUndefined();
      expect(recomputeHash({ ...event, metadata: metadata(other) })).toBeUndefined();
    }
  });

  it('a history written before format 2 still verifies, in format 1', async () => {
    expect(formatOneHistory.map((e) => e.metadata.chainVersion)).toEqual([undefined, undefined, undefined]);
    for (const stored of formatOneHistory) expect(recomputeHash(stored)).toBe(stored.metadata.hash);
    expect(await verifyStream(storeOf(formatOneHistory), 'account-1')).toEqual({
      ok: true,
      streamId: 'account-1',
      headHash: formatOneHistory[2].metadata.hash,
      length: 3,
      signedEvents: 0,
      unsignedEvents: 3,
    });
  });

  it('format 1 leaves out what it always left out: a changed schema version verifies there (docs/audit.md)', async () => {
    const changed = formatOneHistory.map((e, i) =>
      i === 0 ? ({ ...e, metadata: { ...e.metadata, schemaVersion: 1 } } as RecordedEvent) : e,
    );
    expect(await verifyStream(storeOf(changed), 'account-1')).toMatchObject({ ok: true });
  });

  it('an event naming an unknown format breaks the chain there, and says so', async () => {
    const unknown = formatOneHistory.map((e, i) =>
      i === 1 ? ({ ...e, metadata: { ...e.metadata, chainVersion: 9 } } as RecordedEvent) : e,
    );
    expect(await verifyStream(storeOf(unknown), 'account-1')).toEqual({
      ok: false,
      streamId: 'account-1',
      version: 1,
      problem: 'altered',
      detail: 'the event at version 1 names a hash chain format this code does not know (chainVersion 9)',
    });
  });
});
