import type {
  ChainHead,
  EventStore,
  Keyring,
  SignatureHead,
  StreamVerification,
} from '@cartes-badges/eventsourcing';
import {
  CHAIN_START,
  closeSignatures,
  followChain,
  followSignatures,
  SIGNATURES_START,
  storedFormOf,
  unreadableEventOf,
  verifyStream,
} from '@cartes-badges/eventsourcing';

/** The first broken link of one stream. */
export type BrokenLink = Extract<StreamVerification, { ok: false }>;

/**
 * One stream whose versions up to `vouched` a signed digest proves: its whole chain, then the
 * signatures of the events after `vouched` only (each append after a digest starts a batch).
 */
async function verifySignedAfter(
  store: EventStore,
  streamId: string,
  vouched: number,
  keyring: Keyring | undefined,
): Promise<StreamVerification> {
  const chain = await verifyStream(store, streamId);
  if (!chain.ok) return chain;
  let head = SIGNATURES_START;
  for await (const read of store.readStream(streamId, { fromVersion: vouched + 1 })) {
    const step = followSignatures(head, storedFormOf(read), keyring);
    if (!step.ok) return { ...step, streamId };
    head = step.head;
  }
  const closed = closeSignatures(head, chain.length, keyring);
  if (!closed.ok) return { ...closed, streamId };
  return { ...chain, signedEvents: closed.head.signed, unsignedEvents: closed.head.unsigned };
}

/** The outcome of checking every stream. */
export interface StoreVerification {
  readonly ok: boolean;
  readonly streamsChecked: number;
  readonly eventsChecked: number;
  /** One entry per broken stream, in the order the store holds them. */
  readonly broken: readonly BrokenLink[];
  /** Events covered by a signature (verified when a keyring was given, else only counted). */
  readonly signedEvents: number;
  /** Events no signature covers (a store written without a signer). */
  readonly unsignedEvents: number;
}

/** Options of `verifyAllStreams`. */
export interface VerifyAllOptions {
  readonly onProgress?: (eventsChecked: number) => void;
  /** The keys whose signatures are accepted: every event must then be signed by one of them. */
  readonly keyring?: Keyring;
  /**
   * Per stream, the last version a signed digest vouches for (its recorded head): the
   * keyring's check starts after it, so a history written before signing was switched on
   * is proven by the digest and only what came since must be signed.
   */
  readonly vouchedUpTo?: ReadonlyMap<string, number>;
}

// Where one stream stands in the pass: its chain and its signatures.
interface StreamHeads {
  readonly chain: ChainHead;
  readonly signatures: SignatureHead;
}

/**
 * Checks every hash chain (and, with a keyring, every signature) in one pass over the store
 * (global order), keeping only each stream's heads (version due, previous hash, chain format,
 * first version awaiting its batch's signature). A stream that fails is then walked on its own
 * by the kernel's `verifyStream`, which says how it breaks (altered, missing, reordered,
 * unreadable, unsigned, bad_signature, ...).
 */
export async function verifyAllStreams(
  store: EventStore,
  options: VerifyAllOptions = {},
): Promise<StoreVerification> {
  const { onProgress, keyring, vouchedUpTo } = options;
  const heads = new Map<string, StreamHeads>();
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
        const head = heads.get(event.streamId);
        const chain = followChain(head?.chain ?? CHAIN_START, event);
        const previous = head?.signatures ?? SIGNATURES_START;
        const vouched = event.version <= (vouchedUpTo?.get(event.streamId) ?? -1);
        const signatures =
          chain &&
          (vouched ? { ok: true as const, head: previous } : followSignatures(previous, event, keyring));
        if (!chain || !signatures?.ok) {
          suspects.add(event.streamId);
          continue;
        }
        heads.set(event.streamId, { chain, signatures: signatures.head });
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
  let signedEvents = 0;
  let unsignedEvents = 0;
  for (const [streamId, head] of heads) {
    if (suspects.has(streamId)) continue;
    const closed = closeSignatures(head.signatures, head.chain.next, keyring);
    if (!closed.ok) suspects.add(streamId);
    else {
      signedEvents += closed.head.signed;
      unsignedEvents += closed.head.unsigned;
    }
  }
  const broken: BrokenLink[] = [];
  for (const streamId of suspects) {
    const vouched = vouchedUpTo?.get(streamId);
    const result =
      vouched === undefined
        ? await verifyStream(store, streamId, { keyring })
        : await verifySignedAfter(store, streamId, vouched, keyring);
    if (!result.ok) broken.push(result);
    else {
      signedEvents += result.signedEvents;
      unsignedEvents += result.unsignedEvents;
    }
  }
  return {
    ok: broken.length === 0,
    streamsChecked: new Set([...heads.keys(), ...suspects]).size,
    eventsChecked,
    broken,
    signedEvents,
    unsignedEvents,
  };
}
