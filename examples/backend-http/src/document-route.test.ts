import { createHash } from 'node:crypto';
import { createInMemoryEventStore } from '@cartes-badges/eventsourcing';
import { dossierStoreOptions, fixedClock } from '@cartes-badges/domain';
import { FIXTURE_ESTABLISHMENTS, FIXTURE_USERS, samplePdf } from '@cartes-badges/domain/fixtures';
import type { FastifyInstance } from 'fastify';
import { inject } from '../test/inject';
import { buildApp } from './app';

const claire = { 'x-user': FIXTURE_USERS.claire.id };
const sophie = { 'x-user': FIXTURE_USERS.sophie.id };

let app: FastifyInstance;
beforeAll(async () => {
  const store = createInMemoryEventStore(dossierStoreOptions);
  ({ app } = await buildApp({ store, clock: fixedClock('2025-12-03T09:30:00Z') }));
  await app.ready();
});
afterAll(() => app.close());

async function draftWithInvoice(fileName: string, content: Uint8Array) {
  const created = await inject(app, {
    method: 'POST',
    url: '/commands',
    headers: claire,
    payload: {
      type: 'CreateDraft',
      commandId: `create-${fileName}`,
      payload: { siret: FIXTURE_ESTABLISHMENTS.interimServicesClichy.siret, cardType: 'CHRONO' },
    },
  });
  const { dossierId } = created.json();
  await inject(app, {
    method: 'POST',
    url: '/commands',
    headers: claire,
    payload: {
      type: 'AttachDocument',
      commandId: `attach-${fileName}`,
      dossierId,
      payload: {
        documentType: 'Facture entreprise',
        fileName,
        contentBase64: Buffer.from(content).toString('base64'),
      },
    },
  });
  const dossier = await inject(app, { method: 'GET', url: `/dossiers/${dossierId}`, headers: claire });
  return {
    dossierId: dossierId as string,
    documentId: dossier.json().documents.types.flatMap((t: { files: { documentId: string }[] }) => t.files)[0]
      .documentId as string,
  };
}

describe('GET /dossiers/:id/documents/:documentId', () => {
  it('R-20 sends the file as uploaded: its type, its name (RFC 6266, filename* for accents), its SHA-256', async () => {
    const invoice = samplePdf('Facture été');
    const { dossierId, documentId } = await draftWithInvoice('Facture n°12 été "finale".pdf', invoice);
    const response = await inject(app, {
      method: 'GET',
      url: `/dossiers/${dossierId}/documents/${documentId}`,
      headers: claire,
    });
    expect(response.statusCode).toBe(200);
    expect(response.rawPayload.equals(Buffer.from(invoice))).toBe(true);
    expect(response.headers).toEqual(
      expect.objectContaining({
        'content-type': 'application/pdf',
        'content-length': String(invoice.byteLength),
        'content-disposition':
          'attachment; filename="Facture n_12 ete \\"finale\\".pdf"; filename*=UTF-8\'\'Facture%20n%C2%B012%20%C3%A9t%C3%A9%20%22finale%22.pdf',
        'x-content-type-options': 'nosniff',
        'repr-digest': `sha-256=:${createHash('sha256').update(invoice).digest('base64')}:`,
      }),
    );
  });

  it('R-04 answers 403 to another company’s user, 404 for an unknown document or dossier, 401 without a user', async () => {
    const { dossierId, documentId } = await draftWithInvoice('facture.pdf', samplePdf('autre'));
    const get = (url: string, headers: Record<string, string> = claire) =>
      inject(app, { method: 'GET', url, headers });
    const notYours = await get(`/dossiers/${dossierId}/documents/${documentId}`, sophie);
    expect([notYours.statusCode, notYours.json().code]).toEqual([403, 'NOT_AUTHORISED']);
    expect(notYours.headers['content-disposition']).toBeUndefined();
    const noDocument = await get(`/dossiers/${dossierId}/documents/00000000-0000-4000-8000-000000000000`);
    expect([noDocument.statusCode, noDocument.json().code]).toEqual([404, 'DOCUMENT_NOT_FOUND']);
    const noDossier = await get(`/dossiers/00000000-0000-4000-8000-000000000000/documents/${documentId}`);
    expect([noDossier.statusCode, noDossier.json().code]).toEqual([404, 'DOSSIER_NOT_FOUND']);
    expect((await get(`/dossiers/${dossierId}/documents/${documentId}`, {})).statusCode).toBe(401);
  });
});
