import type { EventStore, PersonalDataKeys, RecordedEvent } from '@cartes-badges/eventsourcing';
import {
  createInMemoryEventStore,
  createInMemoryPersonalDataKeys,
  digest,
  verifyAgainstDigest,
  verifyStream,
} from '@cartes-badges/eventsourcing';
import * as E from 'fp-ts/Either';
import type { Clock } from '../ports';
import { protectDossierStore, protectedDossierStoreOptions } from '../dossier';
import { caseManager, employer, otherEmployer, provider } from '../testing/actors';
import { allEvents, createTestDossierService } from '../testing/service-harness';
import { completeDraftThroughService, executeOk } from '../testing/service-journeys';
import type { DossierService } from './dossier-service';
import { assertLeft, assertRight } from '@cartes-badges/eventsourcing/testing';

const DAY_MS = 24 * 60 * 60 * 1000;
const RETENTION = { retentionDays: 1825 };
const EMAIL = 'amoa1@hum-interim.fr';
const COMMENT = 'Appeler Mme Jeanne Durand au 06 12 34 56 78';
const REFUSAL = 'Facture au nom de M. Paul Lefort, pas de la société';

/** A clock the test moves on. */
function movableClock(iso: string): Clock & { advanceDays(days: number): void } {
  let ms = Date.parse(iso);
  return { now: () => new Date(ms), advanceDays: (days) => (ms += days * DAY_MS) };
}

async function storedText(raw: EventStore): Promise<string> {
  const events: RecordedEvent[] = [];
  for await (const event of raw.readAll()) events.push(event);
  return JSON.stringify(events.map((event) => event.data));
}

/** A closed dossier on a protected store, with an email, a comment, a refusal reason and two files. */
async function closedDossier(keys: PersonalDataKeys = createInMemoryPersonalDataKeys(), policy = RETENTION) {
  const raw = createInMemoryEventStore(protectedDossierStoreOptions);
  const store = protectDossierStore(raw, keys);
  const clock = movableClock('2025-12-03T09:30:00Z');
  const { service } = createTestDossierService({ store, clock, retention: policy });
  const dossierId = await completeDraftThroughService(service, 'erase');
  const on = (type: string, actor: unknown, payload?: unknown) => ({
    type,
    commandId: `erase-${type}`,
    actor,
    dossierId,
    ...(payload !== undefined ? { payload } : {}),
  });
  await executeOk(service, on('ChangeComment', employer, { comment: COMMENT }));
  await executeOk(service, on('TransmitDossier', employer));
  await executeOk(service, on('StartInstruction', caseManager));
  await executeOk(service, on('RefuseFunding', caseManager, { reason: REFUSAL }));
  await executeOk(service, on('CloseDossier', caseManager));
  return { raw, store, keys, clock, service, dossierId };
}

const erase = (service: DossierService, dossierId: string, actor = caseManager, force?: boolean) =>
  service.erasePersonalData(dossierId, actor, {
    reason: 'Durée de conservation échue',
    ...(force !== undefined ? { force } : {}),
  });

describe('erasure of personal data that keeps the proof (issue 15, crypto-shredding)', () => {
  it('stores the personal values only as ciphertext, and reads them in clear before the erasure', async () => {
    const { raw, service, dossierId } = await closedDossier();
    const text = await storedText(raw);
    for (const clear of [EMAIL, 'Jeanne Durand', 'Paul Lefort', 'copie.pdf'])
      expect(text).not.toContain(clear);
    const state = await service.load(dossierId, caseManager);
    expect(assertRight(state)).toMatchObject({
      contactEmail: EMAIL,
      comment: COMMENT,
      refusalReason: REFUSAL,
    });
  });

  it('after the retention period: the values read [effacé] everywhere, the chain and a digest taken before still verify', async () => {
    const { raw, store, clock, service, dossierId } = await closedDossier();
    const before = await digest(raw);
    clock.advanceDays(1826);

    expect(await erase(service, dossierId)).toEqual(
      E.right({ dossierId, recorded: true, keyDestroyed: true }),
    );

    const state = await service.load(dossierId, caseManager);
    expect(assertRight(state)).toMatchObject({
      contactEmail: '[effacé]',
      comment: '[effacé]',
      refusalReason: '[effacé]',
      personalDataErasedAt: clock.now().toISOString(),
    });
    // A service with no cached state folds the decrypted events and gets the same.
    const fresh = createTestDossierService({ store, retention: RETENTION }).service;
    const view = await fresh.view(dossierId, caseManager);
    expect(JSON.stringify(assertRight(view))).not.toContain(EMAIL);
    const reloaded = await fresh.load(dossierId, caseManager);
    expect(assertRight(reloaded).documents.map((d) => d.file.name)).toEqual(['[effacé]', '[effacé]']);
    expect(assertRight(reloaded).contactEmail).toBe('[effacé]');

    // Every event read through the store: no clear value left, the erasure recorded (who, why, which fields).
    const read: RecordedEvent[] = [];
    for await (const event of store.readAll()) read.push(event);
    const readText = JSON.stringify(read.map((event) => event.data));
    for (const clear of [EMAIL, 'Jeanne Durand', 'Paul Lefort']) expect(readText).not.toContain(clear);
    const erasure = read.find((event) => event.type === 'PersonalDataErased')!;
    expect(erasure.metadata.actor).toMatchObject({ role: 'gestionnaire', userId: caseManager.userId });
    expect(erasure.data).toMatchObject({
      reason: 'Durée de conservation échue',
      forced: false,
      retentionDays: 1825,
    });
    expect((erasure.data as { fields: string[] }).fields).toContain('ContactEmailChanged.email');

    const streamId = `dossier-${dossierId}`;
    expect(await verifyStream(raw, streamId)).toMatchObject({ ok: true });
    expect(await verifyStream(store, streamId)).toMatchObject({ ok: true });
    expect(await verifyAgainstDigest(raw, before)).toMatchObject({ ok: true });
    expect(await verifyAgainstDigest(store, before)).toMatchObject({ ok: true });
  });

  it('refuses an employer (its own dossier too) and a provider, and writes nothing', async () => {
    const { raw, clock, service, dossierId } = await closedDossier();
    clock.advanceDays(1826);
    const before = await allEvents(raw);
    for (const actor of [employer, provider]) {
      const result = await erase(service, dossierId, actor);
      expect(assertLeft(result).code).toBe('NOT_AUTHORISED');
    }
    expect(await allEvents(raw)).toEqual(before);
    const state = await service.load(dossierId, caseManager);
    expect(assertRight(state).contactEmail).toBe(EMAIL);
  });

  it('refuses before the end of the retention period, and force unless the policy allows it; nothing written', async () => {
    const { raw, clock, service, dossierId } = await closedDossier();
    clock.advanceDays(1824);
    const before = await allEvents(raw);
    const early = await erase(service, dossierId);
    expect(assertLeft(early)).toMatchObject({ code: 'RETENTION_NOT_REACHED' });
    expect(assertLeft(early).message).toMatch(/conservées 1825 jours, jusqu'au 02\/12\/2030/);
    const forced = await erase(service, dossierId, caseManager, true);
    expect(assertLeft(forced).code).toBe('FORCED_ERASURE_NOT_ALLOWED');
    expect(await allEvents(raw)).toEqual(before);
  });

  it('a dossier still in progress is kept; force erases it where the policy allows', async () => {
    const keys = createInMemoryPersonalDataKeys();
    const raw = createInMemoryEventStore(protectedDossierStoreOptions);
    const strict = createTestDossierService({
      store: protectDossierStore(raw, keys),
      retention: RETENTION,
    }).service;
    const dossierId = await completeDraftThroughService(strict, 'in-progress');
    const kept = await erase(strict, dossierId);
    expect(assertLeft(kept).message).toMatch(/En cours de saisie/);
    const lenient = createTestDossierService({
      store: protectDossierStore(raw, keys),
      retention: { ...RETENTION, allowForcedErasure: true },
    }).service;
    assertRight(await erase(lenient, dossierId, caseManager, true));
    // A draft is not the case manager's to read: the embedding's trusted read.
    const state = await lenient.load(dossierId);
    expect(assertRight(state).contactEmail).toBe('[effacé]');
    // Frozen from then on: a new email would need the destroyed key.
    const before = await allEvents(raw);
    const change = await lenient.execute({
      type: 'ChangeContactEmail',
      commandId: 'after-erasure',
      actor: employer,
      dossierId,
      payload: { email: 'new@hum-interim.fr' },
    });
    expect(assertLeft(change).code).toBe('PERSONAL_DATA_ERASED');
    // another company is refused as on any dossier of someone else's, without learning of the erasure.
    const intrusion = {
      type: 'ChangeContactEmail',
      commandId: 'intruder-after-erasure',
      actor: otherEmployer,
      dossierId,
      payload: { email: 'new@hum-interim.fr' },
    } as const;
    expect(assertLeft(await lenient.execute(intrusion))).toEqual({
      code: 'NOT_AUTHORISED',
      message: "Vous n'êtes pas autorisé à effectuer cette action sur ce dossier",
    });
    expect(await allEvents(raw)).toEqual(before);
  });

  it('erasing twice never applies twice: a retry or a new call writes nothing; an unauthorised caller is still refused', async () => {
    const { raw, clock, service, dossierId } = await closedDossier();
    clock.advanceDays(1826);
    const options = { reason: 'Durée de conservation échue', commandId: 'erase-once' };
    await service.erasePersonalData(dossierId, caseManager, options);
    const once = await allEvents(raw);
    expect(await service.erasePersonalData(dossierId, caseManager, options)).toEqual(
      E.right({ dossierId, recorded: false, keyDestroyed: false }),
    );
    expect(await allEvents(raw)).toEqual(once);
    // A new erasure request (another command id) writes nothing either.
    expect(await erase(service, dossierId)).toEqual(
      E.right({ dossierId, recorded: false, keyDestroyed: false }),
    );
    const refused = await erase(service, dossierId, provider);
    expect(assertLeft(refused).code).toBe('NOT_AUTHORISED');
    expect(await allEvents(raw)).toEqual(once);
    expect(once.filter((event) => event.type === 'PersonalDataErased')).toHaveLength(1);
  });

  it('a process stopped between the event and the key destruction: the next erasure call completes it, without a second event', async () => {
    const inner = createInMemoryPersonalDataKeys();
    let killed = true;
    const keys: PersonalDataKeys = {
      ...inner,
      destroy: (subject) => {
        if (killed) return Promise.reject(new Error('process killed'));
        return inner.destroy(subject);
      },
    };
    const { raw, store, clock, service, dossierId } = await closedDossier(keys);
    clock.advanceDays(1826);
    await expect(
      service.erasePersonalData(dossierId, caseManager, {
        reason: 'Durée de conservation échue',
        commandId: 'erase-killed',
      }),
    ).rejects.toThrow('process killed');
    // The erasure is on record; the values are still readable until the key goes.
    const recorded = await allEvents(raw);
    expect(recorded.filter((event) => event.type === 'PersonalDataErased')).toHaveLength(1);
    killed = false;
    const restarted = createTestDossierService({ store, clock, retention: RETENTION }).service;
    // The caller retries its command (same id): nothing new is recorded, the key goes.
    const retried = await restarted.erasePersonalData(dossierId, caseManager, {
      reason: 'Durée de conservation échue',
      commandId: 'erase-killed',
    });
    expect(retried).toEqual(E.right({ dossierId, recorded: false, keyDestroyed: true }));
    expect(await allEvents(raw)).toEqual(recorded);
    expect(await storedText(store)).not.toContain(EMAIL);
  });

  it('is refused for a dossier written before protection (its values are in clear in the events), nothing written', async () => {
    const raw = createInMemoryEventStore(protectedDossierStoreOptions);
    const plain = createTestDossierService({ store: raw });
    const dossierId = await completeDraftThroughService(plain.service, 'before-protection');
    await executeOk(plain.service, {
      type: 'DeleteDraft',
      commandId: 'old-delete',
      actor: employer,
      dossierId,
    });
    const before = await allEvents(raw);
    const store = protectDossierStore(raw, createInMemoryPersonalDataKeys());
    const protectedService = createTestDossierService({ store, retention: { retentionDays: 0 } }).service;
    const refused = await erase(protectedService, dossierId);
    expect(assertLeft(refused)).toMatchObject({ code: 'PERSONAL_DATA_IN_CLEAR' });
    expect(assertLeft(refused).message).toMatch(/ContactEmailChanged\.email en clair à la version \d+/);
    expect(await allEvents(raw)).toEqual(before);
    // And the old history reads as it was through the protected store.
    const state = await protectedService.load(dossierId);
    expect(assertRight(state).contactEmail).toBe(EMAIL);
  });

  it('is refused by a service whose store keeps personal values in clear, or that has no retention policy', async () => {
    const plain = createTestDossierService({ retention: RETENTION });
    const dossierId = await completeDraftThroughService(plain.service, 'plain');
    const before = await allEvents(plain.store);
    const refused = await erase(plain.service, dossierId);
    expect(assertLeft(refused).code).toBe('PERSONAL_DATA_NOT_PROTECTED');
    const raw = createInMemoryEventStore(protectedDossierStoreOptions);
    const noPolicy = createTestDossierService({
      store: protectDossierStore(raw, createInMemoryPersonalDataKeys()),
    });
    const id2 = await completeDraftThroughService(noPolicy.service, 'no-policy');
    const refused2 = await erase(noPolicy.service, id2);
    expect(assertLeft(refused2).code).toBe('NO_RETENTION_POLICY');
    expect(await allEvents(plain.store)).toEqual(before);
  });
});
