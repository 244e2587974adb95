import { unreadableEventOf } from './errors';
import type { RecordedEvent } from './events';
import { GENESIS_HASH } from './events';
import { chainFormatOf } from './chain-format';
import { recomputeHash } from './hash-chain';
import { readStreamInPages } from './paged-read';
import { storedFormOf } from './read-pipeline';
import type { SignatureHead, SignatureProblem } from './signature-check';
import { closeSignatures, followSignatures, SIGNATURES_START } from './signature-check';
import type { Keyring } from './signing';
import type { EventStore } from './store';

/**
 * How a hash chain is broken at the first bad version; 'unreadable': the stored event cannot be
 * read or decoded (its data is not JSON, or not what its type holds), so nothing after it is proven.
 */
export type ChainProblem = 'altered' | 'missing' | 'reordered' | 'unreadable';

/** What is wrong at the first bad version of a stream: its hash chain, or its signatures. */
export type StreamProblem = ChainProblem | SignatureProblem;

/** The outcome of `verifyStream`. */
export type StreamVerification =
  | {
      readonly ok: true;
      readonly streamId: string;
      readonly headHash: string;
      readonly length: number;
      /** Events covered by a signature (verified when a keyring was given, else only counted). */
      readonly signedEvents: number;
      /** Events no signature covers (possible only without a keyring). */
      readonly unsignedEvents: number;
    }
  | {
      readonly ok: false;
      readonly streamId: string;
      /** The first version at which the chain breaks, or that no valid signature covers. */
      readonly version: number;
      readonly problem: StreamProblem;
      readonly detail: string;
    };

/** Progress of a verification, for a progress bar. */
export interface VerifyProgress {
  readonly eventsRead: number;
  readonly streamsChecked: number;
}

/** Options of the verification functions. */
export interface VerifyOptions {
  readonly onProgress?: (progress: VerifyProgress) => void;
  /** Events fetched per page (default 1000). */
  readonly batchSize?: number;
  /**
   * The keys whose signatures are accepted: every event must then be covered by a valid
   * signature of one of them (else 'unsigned', 'unknown_key', 'bad_signature', ...). Without
   * it, signatures are only counted: nothing proves who wrote the events.
   */
  readonly keyring?: Keyring;
}

/** Internal options: stop after a version, count events read. */
export interface WalkOptions {
  /** Stops after this version; signatures are then not checked (a digest vouches for the head). */
  readonly upToVersion?: number;
  readonly onEvent?: () => void;
  readonly batchSize?: number;
  readonly keyring?: Keyring;
}

/** Where a walk along one stream's chain stands: the version and prevHash due next, the last format. */
export interface ChainHead {
  readonly next: number;
  readonly prevHash: string;
  /** The chain format of the last event checked (1 before the first). */
  readonly format: number;
}

/** The head of every chain before its first event. */
export const CHAIN_START: ChainHead = Object.freeze({ next: 0, prevHash: GENESIS_HASH, format: 1 });

/**
 * The head after `event` when it holds its place in the chain: the version due, the previous
 * hash, its own hash recomputed in the chain format it names (a known one), and a format that
 * never goes back (a stream written in format 2 does not go on in format 1). Undefined when not.
 */
export function followChain(head: ChainHead, event: RecordedEvent): ChainHead | undefined {
  const format = chainFormatOf(event.metadata);
  if (
    format === undefined ||
    format < head.format ||
    event.version !== head.next ||
    event.metadata.prevHash !== head.prevHash ||
    recomputeHash(event) !== event.metadata.hash
  ) {
    return undefined;
  }
  return { next: head.next + 1, prevHash: event.metadata.hash, format };
}

/**
 * Recomputes every hash of a stream and checks the links between them. Returns the head hash
 * (GENESIS_HASH for an empty stream), or the first version where the chain breaks and how:
 * altered (an event's content no longer matches its hash), missing (an event is gone),
 * reordered (events are out of order).
 */
export async function verifyStream(
  store: EventStore,
  streamId: string,
  options: VerifyOptions = {},
): Promise<StreamVerification> {
  let eventsRead = 0;
  const result = await walkChain(store, streamId, {
    batchSize: options.batchSize,
    keyring: options.keyring,
    onEvent: () => {
      eventsRead++;
      if (eventsRead % 1000 === 0) options.onProgress?.({ eventsRead, streamsChecked: 0 });
    },
  });
  options.onProgress?.({ eventsRead, streamsChecked: 1 });
  return result;
}

/** Walks a stream's chain from version 0 (up to `upToVersion` when given). */
export async function walkChain(
  store: EventStore,
  streamId: string,
  options: WalkOptions = {},
): Promise<StreamVerification> {
  let head = CHAIN_START;
  let signatures: SignatureHead = SIGNATURES_START;
  let signatureFailure: StreamVerification | undefined;
  let suspect: RecordedEvent | undefined;
  let position = 0;
  const pageSize = options.batchSize ?? 1000;
  try {
    suspect = await walkPages();
  } catch (error) {
    // A row that cannot be read is a broken link to report, not a crash with no stream or version.
    const unreadable = unreadableEventOf(error);
    if (unreadable === undefined || unreadable.streamId !== streamId) throw error;
    return {
      ok: false,
      streamId,
      version: unreadable.version,
      problem: 'unreadable',
      detail: `the event at version ${unreadable.version} cannot be read: ${unreadable.reason}`,
    };
  }
  if (suspect) return classify(store, streamId, suspect, head, position, pageSize);
  if (signatureFailure) return signatureFailure;
  const closed = closeSignatures(signatures, head.next, options.keyring);
  if (!closed.ok) return { ...closed, streamId };
  return {
    ok: true,
    streamId,
    headHash: head.prevHash,
    length: head.next,
    signedEvents: closed.head.signed,
    unsignedEvents: closed.head.unsigned,
  };

  async function walkPages(): Promise<RecordedEvent | undefined> {
    walk: for await (const page of readStreamInPages(store, streamId, { batchSize: pageSize })) {
      for (const read of page) {
        const event = storedFormOf(read);
        options.onEvent?.();
        const next = followChain(head, event);
        // Classify after the read is over: some stores cannot run a second read inside the first.
        if (next === undefined) return event;
        head = next;
        position++;
        if (options.upToVersion === undefined) {
          const step = followSignatures(signatures, event, options.keyring);
          if (!step.ok) {
            signatureFailure = { ...step, streamId };
            break walk;
          }
          signatures = step.head;
        }
        if (options.upToVersion !== undefined && event.version >= options.upToVersion) break walk;
      }
    }
    return undefined;
  }
}

async function classify(
  store: EventStore,
  streamId: string,
  event: RecordedEvent,
  head: ChainHead,
  position: number,
  pageSize: number,
): Promise<StreamVerification> {
  const expectedVersion = head.next;
  // The classification reads the stream again, in pages of the caller's size as the walk did.
  const findPosition = (predicate: (event: RecordedEvent, at: number) => boolean) =>
    findPositionIn(store, streamId, pageSize, predicate);
  const broken = (problem: ChainProblem, detail: string): StreamVerification => ({
    ok: false,
    streamId,
    version: expectedVersion,
    problem,
    detail,
  });
  if (event.version < expectedVersion) {
    return broken('reordered', `version ${event.version} comes after version ${expectedVersion - 1}`);
  }
  if (event.version > expectedVersion) {
    const later = await findPosition((e) => e.version === expectedVersion);
    return later !== undefined
      ? broken('reordered', `version ${event.version} comes where version ${expectedVersion} was due`)
      : broken(
          'missing',
          `version ${expectedVersion} is missing (the next event is version ${event.version})`,
        );
  }
  if (event.metadata.prevHash !== head.prevHash) {
    // Not the event itself: a prevHash rewritten to the event's own hash links to nothing.
    const linked = await findPosition(
      (e, at) => at !== position && e.metadata.hash === event.metadata.prevHash,
    );
    if (linked !== undefined && linked > position) {
      return broken('reordered', `the event at version ${expectedVersion} follows an event stored after it`);
    }
    if (linked !== undefined || recomputeHash(event) === event.metadata.hash) {
      return broken('missing', `the event at version ${expectedVersion} does not follow the one before it`);
    }
    return broken('altered', `the event at version ${expectedVersion} has a prevHash that matches no event`);
  }
  const format = chainFormatOf(event.metadata);
  if (format === undefined) {
    return broken(
      'altered',
      `the event at version ${expectedVersion} names a hash chain format this code does not know (chainVersion ${String(JSON.stringify((event.metadata as { chainVersion?: unknown }).chainVersion)).slice(0, 40)})`,
    );
  }
  if (format < head.format && recomputeHash(event) === event.metadata.hash) {
    return broken(
      'altered',
      `the event at version ${expectedVersion} is in hash chain format ${format} after an event in format ${head.format}`,
    );
  }
  return broken('altered', `the content of version ${expectedVersion} no longer matches its hash`);
}

// Reading position (0-based) of the first stored event matching the predicate (given the event and its position).
async function findPositionIn(
  store: EventStore,
  streamId: string,
  pageSize: number,
  predicate: (event: RecordedEvent, at: number) => boolean,
): Promise<number | undefined> {
  let position = 0;
  for await (const page of readStreamInPages(store, streamId, { batchSize: pageSize })) {
    for (const read of page) {
      if (predicate(storedFormOf(read), position)) return position;
      position++;
    }
  }
  return undefined;
}
