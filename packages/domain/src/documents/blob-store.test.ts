import { createHash } from 'node:crypto';
import { samplePdf, samplePng } from '../fixtures/sample-files';
import { createInMemoryBlobStore } from './blob-store';

describe('in-memory blob store', () => {
  it('R-20 stores bytes under their SHA-256 and gives them back', async () => {
    const store = createInMemoryBlobStore();
    const pdf = samplePdf();
    const stored = await store.put(pdf);
    const sha256 = createHash('sha256').update(pdf).digest('hex');
    expect(stored).toEqual({ key: sha256, sha256, size: pdf.length });
    expect(await store.get(stored.key)).toEqual(pdf);
    expect(await store.get('0'.repeat(64))).toBeUndefined();
  });

  it('R-20 does not duplicate a re-uploaded file', async () => {
    const store = createInMemoryBlobStore();
    const a = await store.put(samplePdf());
    const b = await store.put(samplePdf());
    await store.put(samplePng());
    expect(a.key).toBe(b.key);
    expect(store.count()).toBe(2);
  });

  it('keeps its own copy: changing the caller’s bytes changes nothing stored', async () => {
    const store = createInMemoryBlobStore();
    const bytes = samplePdf();
    const { key } = await store.put(bytes);
    bytes[0] = 0;
    const read = await store.get(key);
    expect(read?.[0]).toBe(0x25);
    if (read) read[1] = 0;
    expect((await store.get(key))?.[1]).toBe(0x50);
  });
});
