import { createInMemoryEventStore, verifyStream } from '@cartes-badges/eventsourcing';
import { dossierStoreOptions, dossierStreamId, steppingClock } from '@cartes-badges/domain';
import { createFixtureDirectories } from '@cartes-badges/domain/fixtures';
import { createDossierApplication } from '@cartes-badges/lists';
import { buildTimeline } from '../../packages/cli/src/audit/timeline';
import { A, A_SIRET, accepted } from './tenant-scenarios';

// a command that changed nothing leaves a marker in its stream; the lists, the auditor's
// timeline and the hash chain read on as if it were not there (the chain covers it).
describe('a no-op command seen from the read side', () => {
  it('R-36 leaves the lists and the timeline as they were, and the chain intact', async () => {
    const store = createInMemoryEventStore(dossierStoreOptions);
    const directories = createFixtureDirectories();
    const app = createDossierApplication({
      store,
      establishments: directories.establishmentDirectory,
      providers: directories.providerDirectory,
      attachments: directories.attachments,
      blobStore: directories.blobStore,
      notifier: { send: async () => undefined },
      clock: steppingClock('2026-01-15T09:00:00.000Z', 60_000),
    });
    app.start();
    try {
      const { dossierId } = await accepted(app.service, {
        type: 'CreateDraft',
        commandId: 'create-1',
        actor: A,
        payload: { siret: A_SIRET, cardType: 'CHRONO' },
      });
      const comment = { type: 'ChangeComment', actor: A, dossierId, payload: { comment: 'A' } };
      await accepted(app.service, { ...comment, commandId: 'comment-1' });
      await app.whenIdle();
      const before = await app.brouillons.list({ actor: A });
      const noOp = await accepted(app.service, { ...comment, commandId: 'comment-2' });
      expect(noOp).toMatchObject({ events: [], version: 2 });
      await app.whenIdle();
      expect(await app.brouillons.list({ actor: A })).toEqual(before);

      const timeline = await buildTimeline(store, dossierId);
      expect(timeline.entries.map((e) => e.type)).toEqual(['DraftCreated', 'CommentChanged']);
      expect(timeline.state.comment).toBe('A');
      expect(await verifyStream(store, dossierStreamId(dossierId))).toMatchObject({ ok: true, length: 3 });
    } finally {
      await app.stop();
    }
  });
});
