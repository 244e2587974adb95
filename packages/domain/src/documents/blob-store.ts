import { createHash } from 'node:crypto';

// The blob store port and its stores live in the kernel (they know nothing of dossiers); the
// domain re-exports what its users have always imported from it.
export {
  createInMemoryBlobStore,
  type BlobStore,
  type InMemoryBlobStore,
  type StoredBlob,
} from '@cartes-badges/eventsourcing';

/** SHA-256 of `bytes` in lower-case hexadecimal. */
export const sha256Hex = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');
