import { samplePdf } from '@cartes-badges/domain/fixtures';

/** A 3 MB PDF: a dozen chunks, so a put can be cut half-way. */
export function bigInvoice(): Uint8Array {
  const pdf = samplePdf();
  const bytes = new Uint8Array(3 * 1024 * 1024).fill(0x20);
  bytes.set(pdf);
  return bytes;
}
