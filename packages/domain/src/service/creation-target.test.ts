import { commandEventId, createInMemoryEventStore } from '@cartes-badges/eventsourcing';
import type { EventToAppend } from '@cartes-badges/eventsourcing';
import * as E from 'fp-ts/Either';
import { dossierStreamId, idFromCommandId } from '../dossier';
import { allEvents, createTestDossierService, employer, HUM_CLICHY, otherEmployer } from '../testing';
import { dossierStoreOptions } from './store-options';
import { assertRight } from '@cartes-badges/eventsourcing/testing';

const create = (actor = employer) => ({
  type: 'CreateDraft',
  commandId: 'old-1',
  actor,
  payload: { siret: HUM_CLICHY.siret, cardType: 'CHRONO' },
});

// A store holding a draft created before creation ids were scoped: its id derived from the
// command id alone, its event id from stream, command id and index (no fingerprint).
async function storeWithUnscopedDraft() {
  const legacyId = idFromCommandId('old-1', 'dossier');
  const scratch = createTestDossierService();
  const made = await scratch.service.execute({ ...create(), dossierId: legacyId });
  if (E.isLeft(made)) throw new Error(made.left.message);
  const store = createInMemoryEventStore(dossierStoreOptions);
  const streamId = dossierStreamId(legacyId);
  await store.appendToStream(
    streamId,
    made.right.events.map(
      (event, index) =>
        ({
          type: event.type,
          data: event.data,
          eventId: commandEventId(streamId, 'old-1', index),
          metadata: {
            actor: event.metadata.actor,
            commandId: 'old-1',
            occurredAt: event.metadata.occurredAt,
          },
        }) as EventToAppend,
    ),
  );
  return { store, legacyId };
}

describe('creations handled before ids were scoped by user', () => {
  it('R-36 a retry of such a creation by its sender finds the draft it made, and makes no second one', async () => {
    const { store, legacyId } = await storeWithUnscopedDraft();
    const { service } = createTestDossierService({ store });
    const before = await allEvents(store);
    const retry = await service.execute(create());
    expect(retry).toEqual(E.right(expect.objectContaining({ dossierId: legacyId, alreadyHandled: true })));
    expect(await allEvents(store)).toEqual(before);
  });

  it('R-04 another user sending the same command id makes its own draft and never gets that one', async () => {
    const { store, legacyId } = await storeWithUnscopedDraft();
    const { service } = createTestDossierService({ store });
    const theirs = await service.execute({
      ...create(otherEmployer),
      payload: { siret: '55208131700018', cardType: 'CHRONO' },
    });
    expect(assertRight(theirs).dossierId).not.toBe(legacyId);
    expect(assertRight(theirs).alreadyHandled).toBe(false);
  });
});
