import { createInMemoryEventStore, createInMemoryReactorLedger } from '@cartes-badges/eventsourcing';
import { createRecordingNotifier, dossierStoreOptions } from '@cartes-badges/domain';
import { FIXTURE_ESTABLISHMENTS as F } from '@cartes-badges/domain/fixtures';
import { createListsTestApplication, LIST_ACTORS as A } from '../testing/read-side-test-kit';
import type { Notifier, ProviderNotification } from '@cartes-badges/domain';

const CLICHY = F.interimServicesClichy.siret;

/** Delivers through `inner`, but every other call fails before delivering (a flaky SMTP relay). */
function everyOtherCallFails(inner: Notifier): Notifier & { calls(): number } {
  let calls = 0;
  return {
    calls: () => calls,
    async send(notification) {
      calls += 1;
      if (calls % 2 === 1) throw new Error('relais SMTP indisponible');
      await inner.send(notification);
    },
  };
}

const refusalKeys = async (store: ReturnType<typeof createInMemoryEventStore>): Promise<string[]> => {
  const keys: string[] = [];
  for await (const event of store.readAll({ filter: { eventTypes: ['PresaisieRefused'] } }))
    keys.push(event.eventId);
  return keys;
};

describe('refusal notifications', () => {
  it('R-31 refusing a pré-saisie notifies its provider, in French, with the draft number, the employer and the reason', async () => {
    const kit = createListsTestApplication();
    kit.app.start();
    const ps = await kit.submitPresaisie(A.julien, CLICHY);
    await kit.on('RefusePresaisie', A.claire, ps, { reason: 'Tarif trop élevé' });
    await kit.app.whenIdle();
    await kit.app.stop();
    const sent = (kit.notifier as ReturnType<typeof createRecordingNotifier>).sent();
    const [eventId] = await refusalKeys(kit.store as never);
    expect(sent).toEqual([
      expect.objectContaining({
        kind: 'PresaisieRefused',
        key: eventId,
        recipient: { siren: A.julien.siren, siret: A.julien.siret, name: 'Chronotachy Services Formation' },
        dossierId: ps,
        draftNumber: 10001,
        employer: { name: 'Intérim Services Société', siret: CLICHY },
        reason: 'Tarif trop élevé',
        afterAcceptance: false,
        subject: 'Pré-saisie n° 10001 refusée',
        message: `L'employeur Intérim Services Société (SIRET ${CLICHY}) a refusé votre pré-saisie n° 10001. Motif : Tarif trop élevé`,
      }),
    ]);
  });

  it('R-32 a refusal after acceptance notifies the provider too; other events notify nobody', async () => {
    const kit = createListsTestApplication();
    kit.app.start();
    const ps = await kit.submitPresaisie(A.julien, CLICHY);
    const kept = await kit.submitPresaisie(A.amina, CLICHY, 'BTP');
    await kit.on('AcceptPresaisie', A.claire, ps);
    await kit.on('AcceptPresaisie', A.claire, kept);
    await kit.on('ChangeComment', A.claire, ps, { comment: 'vérifié' });
    await kit.on('RefusePresaisie', A.claire, ps);
    await kit.app.whenIdle();
    await kit.app.stop();
    const sent = (kit.notifier as ReturnType<typeof createRecordingNotifier>).sent();
    expect(sent).toHaveLength(1);
    expect(sent[0]).toEqual(
      expect.objectContaining({
        recipient: expect.objectContaining({ siren: A.julien.siren }),
        afterAcceptance: true,
        reason: null,
        message: `L'employeur Intérim Services Société (SIRET ${CLICHY}) a refusé votre pré-saisie n° 10001 après l'avoir acceptée.`,
      }),
    );
  });

  it('R-34 with a notifier failing every other call, each refusal is sent exactly once, also across a restart', async () => {
    const store = createInMemoryEventStore(dossierStoreOptions);
    const ledger = createInMemoryReactorLedger();
    const delivered = createRecordingNotifier();
    const flaky = everyOtherCallFails(delivered);
    const first = createListsTestApplication({ store, notifier: flaky, ledger });
    first.app.start();
    for (let i = 0; i < 4; i++) {
      const ps = await first.submitPresaisie(
        i % 2 === 0 ? A.julien : A.amina,
        CLICHY,
        i % 2 === 0 ? 'CHRONO' : 'BTP',
      );
      await first.on('RefusePresaisie', A.claire, ps, { reason: `motif ${i}` });
    }
    await first.app.whenIdle();
    await first.app.stop();
    // Refusals made while the read side is down are sent on restart, the earlier ones not again.
    for (let i = 4; i < 6; i++) {
      const ps = await first.submitPresaisie(A.julien, CLICHY);
      await first.on('RefusePresaisie', A.claire, ps, { reason: `motif ${i}` });
    }
    const second = createListsTestApplication({ store, notifier: flaky, ledger });
    second.app.start();
    await second.app.whenIdle();
    await second.app.stop();
    const keys = await refusalKeys(store);
    expect(keys).toHaveLength(6);
    expect(delivered.sent().map((n) => n.key)).toEqual(keys);
    expect(delivered.sent().map((n) => n.reason)).toEqual([0, 1, 2, 3, 4, 5].map((i) => `motif ${i}`));
    expect(delivered.sent().map((n) => n.recipient.siren)).toEqual(
      [0, 1, 2, 3, 4, 5].map((i) => (i % 2 === 1 && i < 4 ? A.amina.siren : A.julien.siren)),
    );
    expect(flaky.calls()).toBe(12);
  });

  it('R-34 a notification not yet sent survives a restart; one sent but not recorded is deduped by its key', async () => {
    const store = createInMemoryEventStore(dossierStoreOptions);
    const saved = { done: new Set<string>() };
    const delivered = createRecordingNotifier();
    const down: Notifier = {
      send: () => Promise.reject(new Error('service de messagerie arrêté')),
    };
    const first = createListsTestApplication({
      store,
      notifier: down,
      ledger: createInMemoryReactorLedger(saved),
    });
    first.app.start();
    const ps = await first.submitPresaisie(A.julien, CLICHY);
    await first.on('RefusePresaisie', A.claire, ps);
    await new Promise((resolve) => setTimeout(resolve, 50));
    await first.app.stop();
    expect(saved.done.size).toBe(0);
    // Delivered, then the process dies before recording it: the ledger forgets the send.
    let lostRecord = true;
    const ledger = createInMemoryReactorLedger(saved);
    const forgetful = {
      ...ledger,
      markDone: async (key: string, position: bigint) => {
        if (lostRecord) {
          lostRecord = false;
          throw new Error('arrêt brutal avant écriture du registre');
        }
        return ledger.markDone(key, position);
      },
    };
    const second = createListsTestApplication({ store, notifier: delivered, ledger: forgetful });
    second.app.start();
    await new Promise((resolve) => setTimeout(resolve, 100));
    await second.app.whenIdle();
    await second.app.stop();
    const [key] = await refusalKeys(store);
    expect(delivered.calls()).toBe(2);
    expect(delivered.sent().map((n: ProviderNotification) => n.key)).toEqual([key]);
    expect(saved.done.has(key)).toBe(true);
  });
});
