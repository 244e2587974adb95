import { createHash } from 'node:crypto';
import * as E from 'fp-ts/Either';
import { createTestDossierService, employer, HUM_CLICHY, pdfBytes, pngBytes } from '../testing';

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

// The event is the evidence: what it records of a file must be the file's own SHA-256, size and
// key, never a stand-in (a constant, zeros, the provisional values `decide` first runs with).
describe('R-20 what DocumentAttached records of a file', () => {
  it('R-20 records the uploaded bytes’ own SHA-256, size and storage key, and the key gives back those bytes', async () => {
    const { service, blobStore } = createTestDossierService();
    const created = await service.execute({
      type: 'CreateDraft',
      commandId: 'c-1',
      actor: employer,
      payload: { siret: HUM_CLICHY.siret, cardType: 'CHRONO' },
    });
    if (E.isLeft(created)) throw new Error(created.left.message);
    const { dossierId } = created.right;
    const uploads = [
      { documentType: 'Facture entreprise', fileName: 'facture.pdf', content: pdfBytes('facture 2025-118') },
      { documentType: 'Copie facture prestataire', fileName: 'copie.png', content: pngBytes() },
    ];
    for (const [index, upload] of uploads.entries()) {
      const result = await service.execute({
        type: 'AttachDocument',
        commandId: `a-${index}`,
        actor: employer,
        dossierId,
        payload: upload,
      });
      if (E.isLeft(result)) throw new Error(result.left.message);
      const event = result.right.events[0];
      if (event.type !== 'DocumentAttached') throw new Error(`expected DocumentAttached, got ${event.type}`);
      const { file } = event.data;
      expect(file.sha256).toBe(sha256(upload.content));
      expect(file.size).toBe(upload.content.byteLength);
      expect(file.storageKey).toBe(sha256(upload.content));
      expect(Buffer.from((await blobStore.get(file.storageKey))!).equals(Buffer.from(upload.content))).toBe(
        true,
      );
    }
    expect(blobStore.count()).toBe(2);
  });
});
