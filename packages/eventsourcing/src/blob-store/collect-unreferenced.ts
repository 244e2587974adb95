import type { BlobListing, BlobStore } from './blob-store';

/** Options of `collectUnreferencedBlobs`. */
export interface CollectOptions {
  /**
   * Blobs put less than this long ago are kept even when nothing refers to them yet: the put of
   * an attachment whose event is still being appended (default: one hour).
   */
  readonly graceMs?: number;
  /** Now (tests). */
  readonly now?: Date;
}

/** What a collection did. */
export interface CollectResult {
  /** The blobs removed: nothing referred to them and they were older than the grace period. */
  readonly removed: readonly string[];
  /** Blobs kept because something refers to them. */
  readonly referenced: number;
  /** Unreferenced blobs kept because they are younger than the grace period. */
  readonly young: number;
  /** Partial writes of interrupted puts removed. */
  readonly incompleteRemoved: number;
}

const HOUR_MS = 60 * 60 * 1000;

/**
 * Removes the blobs that nothing refers to: those a put stored before its event could not be
 * appended (a refused append, a crash). `referencedKeys` is read after the blobs are listed and
 * a blob is removed only if it was not put again since the collection began, so a blob whose
 * event is being appended is never taken; a referenced blob never is.
 */
export async function collectUnreferencedBlobs(
  blobs: BlobStore,
  referencedKeys: () => Promise<ReadonlySet<string>>,
  options: CollectOptions = {},
): Promise<CollectResult> {
  const now = options.now ?? new Date();
  const cutoff = new Date(now.getTime() - (options.graceMs ?? HOUR_MS));
  const listed: BlobListing[] = [];
  for await (const blob of blobs.list()) listed.push(blob);
  const referenced = await referencedKeys();
  const removed: string[] = [];
  let young = 0;
  let kept = 0;
  for (const blob of listed) {
    if (referenced.has(blob.key)) kept += 1;
    else if (blob.storedAt >= cutoff) young += 1;
    else if (await blobs.delete(blob.key, cutoff)) removed.push(blob.key);
  }
  const incompleteRemoved = await blobs.removeIncomplete(cutoff);
  return { removed, referenced: kept, young, incompleteRemoved };
}
