import { createHash } from 'node:crypto';
import type { RecordedEvent } from '@cartes-badges/eventsourcing';
import { inMemoryBlobStorageOf, tamperWithInMemoryStore } from '@cartes-badges/eventsourcing/testing';
import * as E from 'fp-ts/Either';
import type { DossierActor } from '../dossier';
import {
  caseManager,
  createTestDossierService,
  employer,
  HUM_CLICHY,
  otherEmployer,
  pdfBytes,
  provider,
  type TestDossierService,
} from '../testing';
import { collectUnattachedFiles, referencedBlobKeys } from './referenced-blobs';
import { verifyDocuments } from './verify-documents';

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

async function run(harness: TestDossierService, command: object): Promise<string> {
  const result = await harness.service.execute(command);
  if (E.isLeft(result)) throw new Error(result.left.message);
  return result.right.dossierId;
}

async function allEventsOf(harness: TestDossierService, dossierId: string): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = [];
  for await (const event of harness.store.readStream(`dossier-${dossierId}`)) events.push(event);
  return events;
}

/** A draft of `employer` with one invoice attached; its ids and the invoice's bytes. */
async function draftWithInvoice(harness: TestDossierService, prefix = 'd') {
  const dossierId = await run(harness, {
    type: 'CreateDraft',
    commandId: `${prefix}-create`,
    actor: employer,
    payload: { siret: HUM_CLICHY.siret, cardType: 'CHRONO' },
  });
  const invoice = pdfBytes(`facture ${prefix}`);
  const attach = (commandId: string, fileName: string, content: Uint8Array) =>
    run(harness, {
      type: 'AttachDocument',
      commandId,
      actor: employer,
      dossierId,
      payload: { documentType: 'Facture entreprise', fileName, content },
    });
  await attach(`${prefix}-attach`, 'Facture n°12 été.pdf', invoice);
  const state = await harness.service.load(dossierId);
  if (E.isLeft(state)) throw new Error(state.left.message);
  return { dossierId, documentId: state.right.documents[0].documentId, invoice, attach };
}

describe('R-20 downloading an attached document', () => {
  it('R-20 gives the file’s bytes, name and media type to whoever may read the dossier (R-04)', async () => {
    const harness = createTestDossierService();
    const { dossierId, documentId, invoice } = await draftWithInvoice(harness);
    const file = await harness.service.document(dossierId, documentId, employer);
    expect(file).toEqual(
      E.right({
        documentId,
        documentType: 'Facture entreprise',
        fileName: 'Facture n°12 été.pdf',
        mediaType: 'application/pdf',
        size: invoice.byteLength,
        sha256: sha256(invoice),
        bytes: new Uint8Array(invoice),
      }),
    );
  });

  it('R-04 R-26 refuses another company’s user, a provider and a missing actor; unknown ids are not found', async () => {
    const harness = createTestDossierService();
    const { dossierId, documentId } = await draftWithInvoice(harness);
    for (const actor of [otherEmployer, provider, caseManager /* a draft is not transmitted yet */])
      expect(await harness.service.document(dossierId, documentId, actor)).toEqual(
        E.left(expect.objectContaining({ code: 'NOT_AUTHORISED' })),
      );
    expect(
      await harness.service.document(dossierId, documentId, undefined as unknown as DossierActor),
    ).toEqual(E.left(expect.objectContaining({ code: 'NOT_AUTHORISED' })));
    expect(await harness.service.document(dossierId, 'autre-document', employer)).toEqual(
      E.left(expect.objectContaining({ code: 'DOCUMENT_NOT_FOUND' })),
    );
    expect(
      await harness.service.document('00000000-0000-4000-8000-000000000000', documentId, employer),
    ).toEqual(E.left(expect.objectContaining({ code: 'DOSSIER_NOT_FOUND' })));
  });

  it('R-20 refuses with DOCUMENT_CONTENT_UNAVAILABLE, never altered bytes, when the stored file was changed or lost', async () => {
    const harness = createTestDossierService();
    const { dossierId, documentId, invoice } = await draftWithInvoice(harness);
    const stored = inMemoryBlobStorageOf(harness.blobStore).get(sha256(invoice))!;
    stored.chunks[0][10] ^= 1;
    expect(await harness.service.document(dossierId, documentId, employer)).toEqual(
      E.left(expect.objectContaining({ code: 'DOCUMENT_CONTENT_UNAVAILABLE' })),
    );
    inMemoryBlobStorageOf(harness.blobStore).delete(sha256(invoice));
    expect(await harness.service.document(dossierId, documentId, employer)).toEqual(
      E.left(expect.objectContaining({ code: 'DOCUMENT_CONTENT_UNAVAILABLE' })),
    );
  });
});

describe('verifyDocuments: every attached file is the one its event records', () => {
  it('R-20 passes when every file is intact, names the dossier and document of an altered or missing one', async () => {
    const harness = createTestDossierService();
    const first = await draftWithInvoice(harness, 'a');
    const second = await draftWithInvoice(harness, 'b');
    expect(await verifyDocuments(harness.store, harness.blobStore)).toEqual({
      ok: true,
      dossiersChecked: 2,
      documentsChecked: 2,
      problems: [],
    });
    const storage = inMemoryBlobStorageOf(harness.blobStore);
    storage.get(sha256(first.invoice))!.chunks[0][20] ^= 1;
    storage.delete(sha256(second.invoice));
    const result = await verifyDocuments(harness.store, harness.blobStore);
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual([
      expect.objectContaining({
        dossierId: first.dossierId,
        dossierNumber: expect.any(String),
        documentId: first.documentId,
        fileName: 'Facture n°12 été.pdf',
        problem: 'altered',
        detail: expect.stringContaining(sha256(first.invoice)),
      }),
      expect.objectContaining({
        dossierId: second.dossierId,
        documentId: second.documentId,
        problem: 'missing',
      }),
    ]);
  });

  it('R-20 sees an event whose storage key names another intact file than the SHA-256 it records', async () => {
    const harness = createTestDossierService();
    const { dossierId } = await draftWithInvoice(harness);
    const other = await harness.blobStore.put(pdfBytes('une autre facture'));
    // A forged event (the hash chain reports it too): the key now names a file that is intact
    // under its own key, but not the file the event records.
    const attached = (await allEventsOf(harness, dossierId)).find((e) => e.type === 'DocumentAttached')!;
    const data = attached.data as { file: Record<string, unknown> };
    tamperWithInMemoryStore(harness.store).alterEvent(attached.streamId, attached.version, {
      ...data,
      file: { ...data.file, storageKey: other.key },
    });
    const result = await verifyDocuments(harness.store, harness.blobStore);
    expect(result.problems).toEqual([
      expect.objectContaining({ dossierId, problem: 'sha256_mismatch', storageKey: other.key }),
    ]);
  });
});

describe('collecting the files no event refers to (blobs gc)', () => {
  it('R-20 removes an unreferenced file older than the grace period, keeps referenced and young ones', async () => {
    const harness = createTestDossierService();
    const { invoice } = await draftWithInvoice(harness);
    const orphan = await harness.blobStore.put(pdfBytes('refusée après dépôt'));
    expect(await referencedBlobKeys(harness.store)).toEqual(new Set([sha256(invoice)]));
    const young = await collectUnattachedFiles(harness.store, harness.blobStore);
    expect(young).toEqual({ removed: [], referenced: 1, young: 1, incompleteRemoved: 0 });
    const later = new Date(Date.now() + 2 * 60 * 60 * 1000);
    const collected = await collectUnattachedFiles(harness.store, harness.blobStore, { now: later });
    expect(collected).toEqual({ removed: [orphan.key], referenced: 1, young: 0, incompleteRemoved: 0 });
    expect(await harness.blobStore.get(orphan.key)).toBeUndefined();
    expect(await harness.blobStore.get(sha256(invoice))).toEqual(new Uint8Array(invoice));
  });

  it('R-20 keeps the file of a removed document: its DocumentAttached event is still evidence', async () => {
    const harness = createTestDossierService();
    const { dossierId, documentId, invoice } = await draftWithInvoice(harness);
    await run(harness, {
      type: 'RemoveDocument',
      commandId: 'remove',
      actor: employer,
      dossierId,
      payload: { documentId },
    });
    const later = new Date(Date.now() + 2 * 60 * 60 * 1000);
    expect((await collectUnattachedFiles(harness.store, harness.blobStore, { now: later })).removed).toEqual(
      [],
    );
    expect(await harness.blobStore.get(sha256(invoice))).toEqual(new Uint8Array(invoice));
  });
});
