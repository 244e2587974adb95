import type { ChainHead, EventStore, StreamVerification } from '@cartes-badges/eventsourcing';
import {
  CHAIN_START,
  followChain,
  storedFormOf,
  unreadableEventOf,
  verifyStream,
} from '@cartes-badges/eventsourcing';

/** The first broken link of one stream. */
export type BrokenLink = Extract<StreamVerification, { ok: false }>;

/** The outcome of checking every stream. */
export interface StoreVerification {
  readonly ok: boolean;
  readonly streamsChecked: number;
  readonly eventsChecked: number;
  /** One entry per broken stream, in the order the store holds them. */
  readonly broken: readonly BrokenLink[];
}

/**
 * Checks every hash chain in one pass over the store (global order), keeping only each stream's
 * chain head (version due, previous hash, chain format). A stream whose chain breaks is then walked on its own by
 * the kernel's `verifyStream`, which says how it breaks (altered, missing, reordered, unreadable).
 */
export async function verifyAllStreams(
  store: EventStore,
  onProgress?: (eventsChecked: number) => void,
): Promise<StoreVerification> {
  const heads = new Map<string, ChainHead>();
  const suspects = new Set<string>();
  let eventsChecked = 0;
  let after: bigint | undefined;
  for (let scanning = true; scanning; ) {
    try {
      for await (const read of store.readAll({
        batchSize: 1000,
        ...(after !== undefined ? { after } : {}),
      })) {
        const event = storedFormOf(read);
        after = event.globalPosition;
        eventsChecked++;
        if (eventsChecked % 1000 === 0) onProgress?.(eventsChecked);
        if (suspects.has(event.streamId)) continue;
        const next = followChain(heads.get(event.streamId) ?? CHAIN_START, event);
        if (next === undefined) {
          suspects.add(event.streamId);
          continue;
        }
        heads.set(event.streamId, next);
      }
      scanning = false;
    } catch (error) {
      // An event that cannot be read breaks its own stream (verifyStream below says where);
      // the scan goes on after it, so that every other stream is still checked.
      const unreadable = unreadableEventOf(error);
      if (unreadable?.globalPosition === undefined) throw error;
      suspects.add(unreadable.streamId);
      eventsChecked++;
      after = unreadable.globalPosition;
    }
  }
  onProgress?.(eventsChecked);
  const broken: BrokenLink[] = [];
  for (const streamId of suspects) {
    const result = await verifyStream(store, streamId);
    if (!result.ok) broken.push(result);
  }
  return {
    ok: broken.length === 0,
    streamsChecked: new Set([...heads.keys(), ...suspects]).size,
    eventsChecked,
    broken,
  };
}
