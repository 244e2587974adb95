import type { BlobStore, CollectOptions, CollectResult, EventStore } from '@cartes-badges/eventsourcing';
import { collectUnreferencedBlobs } from '@cartes-badges/eventsourcing';

/** The storage key recorded by a DocumentAttached event's data, read defensively (stored form or decoded). */
export function storageKeyOf(data: unknown): string | undefined {
  const file = (data as { file?: { storageKey?: unknown } } | null)?.file;
  return typeof file?.storageKey === 'string' ? file.storageKey : undefined;
}

/**
 * Every blob key a DocumentAttached event names, in any dossier. A removed document's key
 * stays: the event is still the evidence of what was attached, so its file is kept too.
 */
export async function referencedBlobKeys(store: EventStore): Promise<Set<string>> {
  const keys = new Set<string>();
  for await (const event of store.readAll({ filter: { eventTypes: ['DocumentAttached'] } })) {
    const key = storageKeyOf(event.data);
    if (key !== undefined) keys.add(key);
  }
  return keys;
}

/**
 * `blobs gc`: removes the files no DocumentAttached event names (a put whose append was refused
 * or cut short by a crash), never one an event names, nor one put within the grace period.
 */
export function collectUnattachedFiles(
  store: EventStore,
  blobs: BlobStore,
  options: CollectOptions = {},
): Promise<CollectResult> {
  return collectUnreferencedBlobs(blobs, () => referencedBlobKeys(store), options);
}
