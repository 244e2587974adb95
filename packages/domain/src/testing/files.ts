/** A small but real PDF header and body (detected as pdf by its magic bytes). */
export function pdfBytes(text = 'Facture'): Uint8Array {
  return new Uint8Array(
    Buffer.from(
      `%PDF-1.4\n% ${text}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`,
      'latin1',
    ),
  );
}

/** The 8-byte PNG signature plus a few bytes: a PNG by content. */
export function pngBytes(): Uint8Array {
  return new Uint8Array([
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52,
  ]);
}
