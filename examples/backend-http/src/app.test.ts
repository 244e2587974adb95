import { createInMemoryEventStore } from '@cartes-badges/eventsourcing';
import { createRecordingNotifier, dossierStoreOptions, fixedClock } from '@cartes-badges/domain';
import {
  FIXTURE_ESTABLISHMENTS,
  FIXTURE_PROVIDERS,
  FIXTURE_USERS,
  samplePdf,
} from '@cartes-badges/domain/fixtures';
import type { FastifyInstance } from 'fastify';
import { inject } from '../test/inject';
import { submitPresaisie } from '../test/commands';
import { buildApp } from './app';

const claire = { 'x-user': FIXTURE_USERS.claire.id };
const sophie = { 'x-user': FIXTURE_USERS.sophie.id };
const julien = { 'x-user': FIXTURE_USERS.julien.id };
const CLICHY = FIXTURE_ESTABLISHMENTS.interimServicesClichy.siret;
const LILLE = FIXTURE_ESTABLISHMENTS.hautsDeFranceLille.siret;

let app: FastifyInstance;
const notifier = createRecordingNotifier();
const store = createInMemoryEventStore(dossierStoreOptions);

beforeAll(async () => {
  ({ app } = await buildApp({ store, clock: fixedClock('2025-12-03T09:30:00Z'), notifier }));
  await app.ready();
});
afterAll(() => app.close());

const post = (headers: Record<string, string>, body: unknown) =>
  inject(app, { method: 'POST', url: '/commands', headers, payload: body as object });

async function eventCount(): Promise<number> {
  let n = 0;
  for await (const _event of store.readAll()) n++;
  return n;
}

describe('the HTTP service (fastify.inject)', () => {
  it('POST commands: a draft created, filled, with its documents, transmitted; then GET the lists and the dossier', async () => {
    const created = await post(claire, {
      type: 'CreateDraft',
      commandId: 'http-1',
      payload: { siret: CLICHY, cardType: 'CHRONO' },
    });
    expect(created.statusCode).toBe(201);
    const { dossierId, draftNumber } = created.json();
    const on = (commandId: string, type: string, payload?: unknown) =>
      post(claire, { type, commandId, dossierId, ...(payload ? { payload } : {}) });
    expect(
      (
        await on('http-2', 'SaveDraft', {
          contactEmail: 'claire.martin@interim-services.fr',
          providerSearch: FIXTURE_PROVIDERS.chronoLyon.siret,
          costLines: [{ nature: 'Achat Matériel', unitAmountCents: 5250, quantity: 4 }],
          attestations: { honour: true, generalConditions: true, supportingDocuments: true },
        })
      ).statusCode,
    ).toBe(201);
    for (const [n, documentType] of ['Copie facture prestataire', 'Facture entreprise'].entries()) {
      const attached = await on(`http-doc-${n}`, 'AttachDocument', {
        documentType,
        fileName: `facture-${n}.pdf`,
        contentBase64: Buffer.from(samplePdf(documentType)).toString('base64'),
      });
      expect(attached.statusCode).toBe(201);
    }
    const transmitted = await on('http-3', 'TransmitDossier');
    expect(transmitted.statusCode).toBe(201);
    expect(transmitted.json()).toEqual(
      expect.objectContaining({ label: 'Transmis', dossierNumber: '2512AF000001', draftNumber }),
    );
    // the same command again is recognised, nothing new.
    const again = await on('http-3', 'TransmitDossier');
    expect([again.statusCode, again.json().alreadyHandled]).toEqual([200, true]);

    const dossiers = await inject(app, { method: 'GET', url: '/dossiers', headers: claire });
    expect(dossiers.json()).toEqual(
      expect.objectContaining({
        total: 1,
        rows: [expect.objectContaining({ number: '2512AF000001', state: 'Transmis' })],
      }),
    );
    expect((await inject(app, { method: 'GET', url: '/brouillons', headers: claire })).json().total).toBe(0);
    expect((await inject(app, { method: 'GET', url: '/dossiers', headers: sophie })).json().total).toBe(0);
    // The screen in one call (service.view): status, tabs, Synthèse, documents line, actions.
    const shown = await inject(app, { method: 'GET', url: `/dossiers/${dossierId}`, headers: claire });
    expect(shown.statusCode).toBe(200);
    expect(shown.json()).toEqual(
      expect.objectContaining({ statusLabel: 'Transmis', valid: true, number: '2512AF000001' }),
    );
    expect(shown.json().synthesis.totalAmount).toBe('210,00 €');
    expect(shown.json().documents.progress.label).toBe('2/2 types de documents obligatoires à transmettre');
    expect(shown.json().actions.map((a: { type: string }) => a.type)).toContain('CancelDossier');
    // The one row a screen refreshes, by dossier number or id, scoped as the list.
    const row = await inject(app, { method: 'GET', url: '/dossiers/2512AF000001/row', headers: claire });
    expect([row.statusCode, row.json().dossierId, row.json().state]).toEqual([200, dossierId, 'Transmis']);
    const rowById = await inject(app, { method: 'GET', url: `/dossiers/${dossierId}/row`, headers: claire });
    expect(rowById.json().number).toBe('2512AF000001');
    const notTheirRow = await inject(app, {
      method: 'GET',
      url: `/dossiers/${dossierId}/row`,
      headers: sophie,
    });
    expect([notTheirRow.statusCode, notTheirRow.json().code]).toEqual([404, 'DOSSIER_NOT_FOUND']);
    const noDraftRow = await inject(app, {
      method: 'GET',
      url: `/brouillons/${dossierId}/row`,
      headers: claire,
    });
    expect(noDraftRow.statusCode).toBe(404);
  });

  it('refusals are 4xx problems (RFC 9457) with the French detail and the field; nothing is written', async () => {
    const created = await post(claire, {
      type: 'CreateDraft',
      commandId: 'bad-0',
      payload: { siret: CLICHY, cardType: 'CHRONO' },
    });
    const { dossierId } = created.json();
    const before = await eventCount();

    const badEmail = await post(claire, {
      type: 'ChangeContactEmail',
      commandId: 'bad-1',
      dossierId,
      payload: { email: 'amoa1.x' },
    });
    expect(badEmail.statusCode).toBe(400);
    expect(badEmail.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(badEmail.json()).toEqual(
      expect.objectContaining({
        type: 'tag:cartes-badges,2026:problem:format',
        title: 'Saisie mal formée',
        status: 400,
        detail: expect.stringMatching(/^Email de contact : /),
        instance: '/commands',
        code: 'FORMAT',
        field: 'payload.email',
        problems: [expect.objectContaining({ field: 'payload.email', message: expect.any(String) })],
      }),
    );

    const incomplete = await post(claire, { type: 'TransmitDossier', commandId: 'bad-2', dossierId });
    expect(incomplete.statusCode).toBe(422);
    expect(incomplete.json().detail).toMatch(/^Saisie invalide/);
    expect(incomplete.json().invalidTabs.map((t: { tab: string }) => t.tab)).toEqual(
      expect.arrayContaining(['Prestation', 'Synthèse', 'Documents']),
    );

    const notYours = await inject(app, { method: 'GET', url: `/dossiers/${dossierId}`, headers: sophie });
    expect([notYours.statusCode, notYours.json().code]).toEqual([403, 'NOT_AUTHORISED']);
    const unknown = await inject(app, {
      method: 'GET',
      url: '/dossiers/6f1b9f7e-0000-4000-8000-000000000000',
      headers: claire,
    });
    expect([unknown.statusCode, unknown.json().detail]).toEqual([404, 'Dossier introuvable']);
    const anonymous = await inject(app, { method: 'GET', url: '/brouillons' });
    expect([anonymous.statusCode, anonymous.json().code]).toEqual([401, 'UNAUTHENTICATED']);
    const badPage = await inject(app, { method: 'GET', url: '/brouillons?page=0', headers: claire });
    expect([badPage.statusCode, badPage.json().field]).toEqual([400, 'page']);
    const notJson = await inject(app, {
      method: 'POST',
      url: '/commands',
      headers: { ...claire, 'content-type': 'application/json' },
      payload: '{"type":',
    });
    expect(notJson.statusCode).toBe(400);
    expect(await eventCount()).toBe(before);
  });

  it("R-04 R-36 another company reusing a command id gets its own draft or a refusal, never the first company's data", async () => {
    const mine = await post(claire, {
      type: 'CreateDraft',
      commandId: 'shared-1',
      payload: { siret: CLICHY, cardType: 'CHRONO' },
    });
    expect(mine.statusCode).toBe(201);
    const { dossierId } = mine.json();
    const comment = {
      type: 'ChangeComment',
      commandId: 'shared-2',
      dossierId,
      payload: { comment: 'Note interne Clichy' },
    };
    expect((await post(claire, comment)).statusCode).toBe(201);

    const theirs = await post(sophie, {
      type: 'CreateDraft',
      commandId: 'shared-1',
      payload: { siret: LILLE, cardType: 'CHRONO' },
    });
    expect(theirs.statusCode).toBe(201);
    expect(theirs.json()).toEqual(expect.objectContaining({ alreadyHandled: false }));
    expect(theirs.json().dossierId).not.toBe(dossierId);

    const before = await eventCount();
    const replayed = await post(sophie, comment);
    expect([replayed.statusCode, replayed.json().code]).toEqual([403, 'NOT_AUTHORISED']);
    expect(replayed.body).not.toContain('Clichy');
    expect(replayed.body).not.toContain(CLICHY);
    const reused = await post(claire, { ...comment, payload: { comment: 'Autre note' } });
    expect([reused.statusCode, reused.json().code]).toEqual([409, 'COMMAND_ID_REUSED']);
    expect(await eventCount()).toBe(before);
  });

  it('a provider pré-saisie refused by the employer notifies the provider once', async () => {
    const submitted = await post(julien, submitPresaisie('ps-1'));
    expect(submitted.statusCode).toBe(201);
    const readOnly = await post(claire, {
      type: 'ChangeComment',
      commandId: 'ps-2',
      dossierId: submitted.json().dossierId,
      payload: { comment: 'modif' },
    });
    expect([readOnly.statusCode, readOnly.json().code]).toEqual([409, 'PRESAISIE_READ_ONLY']);
    const refused = await post(claire, {
      type: 'RefusePresaisie',
      commandId: 'ps-3',
      dossierId: submitted.json().dossierId,
      payload: { reason: 'Doublon' },
    });
    expect(refused.statusCode).toBe(201);
    expect(notifier.sent()).toEqual([
      expect.objectContaining({
        kind: 'PresaisieRefused',
        recipient: expect.objectContaining({ siren: FIXTURE_PROVIDERS.chronoLyon.siren }),
      }),
    ]);
    const providerView = await inject(app, { method: 'GET', url: '/brouillons', headers: julien });
    expect(providerView.json().rows).toEqual([expect.objectContaining({ state: 'Pré-saisie refusée' })]);
  });
});
