import { createInMemoryEventStore } from '@cartes-badges/eventsourcing';
import { dossierStoreOptions, fixedClock } from '@cartes-badges/domain';
import {
  FIXTURE_ESTABLISHMENTS,
  FIXTURE_PROVIDERS,
  FIXTURE_USERS,
  samplePdf,
} from '@cartes-badges/domain/fixtures';
import type { FastifyInstance } from 'fastify';
import { inject } from '../test/inject';
import { buildApp } from './app';

// What an attacker or a clumsy client sends through HTTP: each a 400 naming the field, never a
// 500 nor a silent 201, and nothing written (R-42, hostile input).

const claire = { 'x-user': FIXTURE_USERS.claire.id };
const CLICHY = FIXTURE_ESTABLISHMENTS.interimServicesClichy.siret;
let app: FastifyInstance;
const store = createInMemoryEventStore(dossierStoreOptions);

beforeAll(async () => {
  ({ app } = await buildApp({ store, clock: fixedClock('2025-12-03T09:30:00Z') }));
  await app.ready();
});
afterAll(() => app.close());

const post = (body: unknown) =>
  inject(app, { method: 'POST', url: '/commands', headers: claire, payload: body as object });
const get = (url: string) => inject(app, { method: 'GET', url, headers: claire });

async function eventCount(): Promise<number> {
  let n = 0;
  for await (const _event of store.readAll()) n++;
  return n;
}

/** A dossier of Claire's, filled, with its two invoices, transmitted (as app.test.ts does it). */
async function transmittedDossier(prefix: string): Promise<string> {
  const created = await post({
    type: 'CreateDraft',
    commandId: `${prefix}-1`,
    payload: { siret: CLICHY, cardType: 'CHRONO' },
  });
  const { dossierId } = created.json() as { dossierId: string };
  const on = async (commandId: string, type: string, payload?: object) => {
    const response = await post({ type, commandId, dossierId, ...(payload ? { payload } : {}) });
    expect([commandId, response.statusCode]).toEqual([commandId, 201]);
  };
  await on(`${prefix}-2`, 'SaveDraft', {
    contactEmail: 'claire.martin@interim-services.fr',
    providerSearch: FIXTURE_PROVIDERS.chronoLyon.siret,
    costLines: [{ nature: 'Achat Matériel', unitAmountCents: 5250, quantity: 4 }],
    attestations: { honour: true, generalConditions: true, supportingDocuments: true },
  });
  for (const [n, documentType] of ['Copie facture prestataire', 'Facture entreprise'].entries())
    await on(`${prefix}-doc-${n}`, 'AttachDocument', {
      documentType,
      fileName: `facture-${n}.pdf`,
      contentBase64: Buffer.from(samplePdf(documentType)).toString('base64'),
    });
  await on(`${prefix}-3`, 'TransmitDossier');
  return dossierId;
}

describe('hostile input through the HTTP service', () => {
  it('R-42 a misspelt field (contactMail) is a 400 naming it, not a 201 that changed nothing', async () => {
    const created = await post({
      type: 'CreateDraft',
      commandId: 'h-1',
      payload: { siret: CLICHY, cardType: 'CHRONO' },
    });
    expect(created.statusCode).toBe(201);
    const { dossierId } = created.json();
    const before = await eventCount();
    const typo = await post({
      type: 'SaveDraft',
      commandId: 'h-2',
      dossierId,
      payload: { contactMail: 'claire.martin@interim-services.fr' },
    });
    expect(typo.statusCode).toBe(400);
    expect(typo.json()).toEqual(
      expect.objectContaining({
        code: 'FORMAT',
        field: 'payload.contactMail',
        problems: [expect.objectContaining({ code: 'UNKNOWN_FIELD', field: 'payload.contactMail' })],
      }),
    );
    const envelope = await post({
      type: 'TransmitDossier',
      commandId: 'h-3',
      dossierId,
      dossierID: dossierId,
    });
    expect([envelope.statusCode, envelope.json().field]).toEqual([400, 'dossierID']);
    expect(await eventCount()).toBe(before);
  });

  it('NUL, a lone surrogate or 1 MB in a command is a 400 with a short message; nothing written', async () => {
    const before = await eventCount();
    for (const [body, field] of [
      [
        { type: 'CreateDraft', commandId: 'a\u0000b', payload: { siret: CLICHY, cardType: 'CHRONO' } },
        'commandId',
      ],
      [
        { type: 'CreateDraft', commandId: 'a\ud800', payload: { siret: CLICHY, cardType: 'CHRONO' } },
        'commandId',
      ],
      [
        {
          type: 'CreateDraft',
          commandId: 'h-big',
          payload: { siret: '7'.repeat(1_000_000), cardType: 'CHRONO' },
        },
        'payload.siret',
      ],
    ] as const) {
      const response = await post(body);
      expect([response.statusCode, response.json().field]).toEqual([400, field]);
      expect(response.body.length).toBeLessThan(2_000);
    }
    expect(await eventCount()).toBe(before);
  });

  it('R-25 list bounds: a page of 1e300, a 1,000-word search, NUL in a filter are 400s naming the field', async () => {
    const words = Array.from({ length: 1_000 }, (_, i) => `m${i}`).join('+');
    for (const [url, field] of [
      ['/dossiers?page=1e300', 'page'],
      [`/brouillons?search=${words}`, 'search'],
      ['/brouillons?siret=%00', 'filters.siret'],
      ['/dossiers?type=CHRONO%00', 'filters.cardType'],
    ] as const) {
      const response = await get(url);
      expect({ url: url.slice(0, 40), status: response.statusCode, field: response.json().field }).toEqual({
        url: url.slice(0, 40),
        status: 400,
        field,
      });
    }
  });

  it('R-25 a query parameter sent twice is a 400 naming the field (the state: a list of states), not a 500', async () => {
    // A transmitted dossier, so that each state filter has something to keep or leave out.
    const dossierId = await transmittedDossier('twice');
    const numbersIn = async (url: string) => {
      const response = await get(url);
      expect(response.statusCode).toBe(200);
      return (response.json().rows as { dossierId: string }[]).map((row) => row.dossierId);
    };
    expect(await numbersIn('/dossiers?etat=transmitted')).toContain(dossierId);
    expect(await numbersIn('/dossiers?etat=granted')).not.toContain(dossierId);
    // Each state sent as its own parameter filters on either, as the comma-separated list does.
    expect(await numbersIn('/dossiers?etat=granted&etat=transmitted')).toContain(dossierId);
    expect(await numbersIn('/dossiers?etat=transmitted&etat=granted')).toEqual(
      await numbersIn('/dossiers?etat=transmitted,granted'),
    );
    expect(await numbersIn('/dossiers?etat=granted&etat=refused')).not.toContain(dossierId);
    for (const [url, field] of [
      ['/brouillons?siret=12345678901234&siret=98765432109876', 'filters.siret'],
      ['/dossiers?type=CHRONO&type=BTP', 'filters.cardType'],
      ['/brouillons?search=a&search=b', 'search'],
      ['/dossiers?page=1&page=2', 'page'],
    ] as const) {
      const response = await get(url);
      expect({ url, status: response.statusCode, field: response.json().field }).toEqual({
        url,
        status: 400,
        field,
      });
      expect(response.json().detail ?? response.json().message).not.toMatch(/split|undefined|NaN/);
    }
  });

  it('R-25 R-43 a page in words is refused showing what was sent, not "NaN"', async () => {
    const response = await get('/dossiers?page=abc');
    expect([response.statusCode, response.json().field]).toEqual([400, 'page']);
    expect(JSON.stringify(response.json())).toContain('Page : Page invalide (reçu : « abc »)');
  });

  it('a dossier id that is not a UUID (NUL included) is a 400 on GET /dossiers/:id', async () => {
    const response = await get('/dossiers/a%00b');
    expect([response.statusCode, response.json().code, response.json().field]).toEqual([
      400,
      'FORMAT',
      'dossierId',
    ]);
  });
});
