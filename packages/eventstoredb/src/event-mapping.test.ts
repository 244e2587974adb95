import type { EventToAppend, Signer } from '@cartes-badges/eventsourcing';
import { EventDecodeError, GENESIS_HASH } from '@cartes-badges/eventsourcing';
import { prepareEventsForAppend } from '@cartes-badges/eventsourcing/adapter';
import type { WireRecord } from './client-port';
import { fromWireRecord, toWireEvent } from './event-mapping';

const events = [
  { type: 'Opened', data: { b: 1, a: [true, null] } },
  {
    type: 'Named',
    data: { name: 'Zoé' },
    metadata: {
      actor: { userId: 'user-1', role: 'adherent' },
      commandId: 'command-1',
      correlationId: 'correlation-1',
      schemaVersion: 2,
      occurredAt: '2026-12-01T08:30:00.000Z',
    },
  },
] as EventToAppend[];

const signer: Signer = { keyId: 'key-1', sign: (message) => `signed(${message.length})` };

describe('an event as EventStoreDB keeps it', () => {
  it.each([
    ['unsigned', undefined],
    ['signed (keyId on every event, the signature on the last)', signer],
  ])(
    'has as custom metadata (JSON text) exactly the kernel metadata with recordedAt, %s',
    (_label, maybeSigner) => {
      const prepared = prepareEventsForAppend({
        streamId: 'dossier-1',
        firstVersion: 0,
        prevHash: GENESIS_HASH,
        events,
        now: new Date('2026-12-03T08:00:00.000Z'),
        signer: maybeSigner,
      });
      for (const event of prepared) {
        const wire = toWireEvent(event);
        expect(wire).toMatchObject({ id: event.eventId, type: event.type, data: event.data });
        const metadata = JSON.parse(wire.metadataJson) as unknown;
        expect(metadata).toStrictEqual({ ...event.metadata, recordedAt: event.recordedAt });
      }
      expect('signature' in prepared[1].metadata).toBe(maybeSigner !== undefined);
    },
  );
});

describe('a stored record read back', () => {
  const [prepared] = prepareEventsForAppend({
    streamId: 'dossier-1',
    firstVersion: 0,
    prevHash: GENESIS_HASH,
    events: [events[1]],
    now: new Date('2026-12-03T08:00:00.000Z'),
  });
  const wire = toWireEvent(prepared);
  const record = (changes: Partial<WireRecord> = {}, metadataChanges: Record<string, unknown> = {}) => ({
    streamName: 'dossier-1',
    revision: 4,
    id: wire.id,
    type: wire.type,
    data: wire.data,
    isJson: true,
    metadata: { ...(JSON.parse(wire.metadataJson) as object), ...metadataChanges },
    created: new Date('2026-12-03T09:00:00.000Z'),
    position: { commit: 7n, prepare: 5n },
    ...changes,
  });

  it('is the kernel event: its metadata without recordedAt, which becomes the event recordedAt', () => {
    expect(fromWireRecord(record(), 'dossier-1')).toStrictEqual({
      type: prepared.type,
      data: prepared.data,
      streamId: 'dossier-1',
      version: 4,
      globalPosition: (7n << 64n) | 5n,
      eventId: prepared.eventId,
      recordedAt: prepared.recordedAt,
      metadata: prepared.metadata,
    });
    expect(fromWireRecord(record({}, { recordedAt: undefined }), 'dossier-1').recordedAt).toBe(
      '2026-12-03T09:00:00.000Z',
    );
  });

  it.each([
    ['binary data', { isJson: false }, {}, ['data']],
    ['no position', { position: undefined }, {}, ['position']],
    ['no metadata', { metadata: undefined }, {}, ['metadata']],
    ['metadata as an array', { metadata: [] }, {}, ['metadata']],
    ['no actor', {}, { actor: undefined }, ['metadata.actor']],
    ['an actor without role', {}, { actor: { userId: 'u' } }, ['metadata.actor']],
    ['an actor without userId', {}, { actor: { role: 'r' } }, ['metadata.actor']],
    ['a numeric commandId', {}, { commandId: 3 }, ['metadata.commandId']],
    ['no correlationId', {}, { correlationId: undefined }, ['metadata.correlationId']],
    ['an object causationId', {}, { causationId: {} }, ['metadata.causationId']],
    ['no occurredAt', {}, { occurredAt: undefined }, ['metadata.occurredAt']],
    ['no prevHash', {}, { prevHash: undefined }, ['metadata.prevHash']],
    ['a null hash', {}, { hash: null }, ['metadata.hash']],
    ['a fractional schemaVersion', {}, { schemaVersion: 1.5 }, ['metadata.schemaVersion']],
    ['binary data and no hash', { isJson: false }, { hash: 1 }, ['data', 'metadata.hash']],
  ])('with %s is an EventDecodeError naming what fails', (_label, changes, metadataChanges, paths) => {
    const thrown = thrownBy(() =>
      fromWireRecord(record(changes as Partial<WireRecord>, metadataChanges), 'dossier-1'),
    );
    expect(thrown).toBeInstanceOf(EventDecodeError);
    const decodeError = thrown as EventDecodeError;
    expect([decodeError.streamId, decodeError.version, decodeError.eventType]).toEqual([
      'dossier-1',
      4,
      'Named',
    ]);
    expect(decodeError.problems.map((problem) => problem.path)).toEqual(paths);
  });
});

function thrownBy(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
}
