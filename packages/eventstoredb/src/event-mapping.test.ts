import type { EventToAppend, Signer } from '@cartes-badges/eventsourcing';
import { GENESIS_HASH } from '@cartes-badges/eventsourcing';
import { prepareEventsForAppend } from '@cartes-badges/eventsourcing/adapter';
import { toWireEvent } from './event-mapping';

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
