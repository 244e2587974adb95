// Crypto-shredding works per dossier: each dossier stream is its own subject (one key each), and
// the numbering streams, which hold nothing personal, have none.
import { createInMemoryEventStore } from '@cartes-badges/eventsourcing';
import { dossierSubjectOf, personalFieldNames, protectedDossierStoreOptions } from './personal-data';

describe('the personal data of a dossier', () => {
  it('a dossier stream is its own subject; a stream of another kind has none', () => {
    expect(dossierSubjectOf('dossier-0b6c1f2e-5a4d-4c3b-8a29-1f0e9d8c7b6a')).toBe(
      'dossier-0b6c1f2e-5a4d-4c3b-8a29-1f0e9d8c7b6a',
    );
    expect(dossierSubjectOf('numbering-draft')).toBeUndefined();
    expect(dossierSubjectOf('my-dossier-1')).toBeUndefined();
  });

  it('names each personal field as EventType.path, the way an erasure event lists them', () => {
    expect(personalFieldNames()).toEqual([
      'PresaisieSubmitted.contactEmail',
      'PresaisieSubmitted.comment',
      'DraftDuplicated.contactEmail',
      'DraftDuplicated.internalReference',
      'DraftDuplicated.comment',
      'ContactEmailChanged.email',
      'InternalReferenceChanged.internalReference',
      'CommentChanged.comment',
      'DocumentAttached.file.name',
      'PresaisieRefused.reason',
      'ComplementsRequested.message',
      'ComplementSubmitted.comment',
      'Refused.reason',
      'Cancelled.reason',
    ]);
  });

  it('a store for protectDossierStore still upcasts: v1 cost lines (euro text) read as v2 cents', async () => {
    const store = createInMemoryEventStore(protectedDossierStoreOptions);
    await store.appendToStream(
      'dossier-0b6c1f2e-5a4d-4c3b-8a29-1f0e9d8c7b6a',
      [
        {
          type: 'CostLinesChanged',
          data: { lines: [{ nature: null, unitAmount: '52.50', quantity: 3 }] },
          metadata: { schemaVersion: 1 },
        },
      ],
      { expectedVersion: 'no_stream' },
    );
    const read = [];
    for await (const event of store.readStream('dossier-0b6c1f2e-5a4d-4c3b-8a29-1f0e9d8c7b6a'))
      read.push(event.data);
    expect(read).toEqual([{ lines: [{ nature: null, unitAmountCents: 5250, quantity: 3 }] }]);
  });
});
