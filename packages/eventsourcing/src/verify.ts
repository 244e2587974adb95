import { unreadableEventOf } from './errors';
import type { RecordedEvent } from './events';
import { GENESIS_HASH } from './events';
import { recomputeHash } from './hash-chain';
import { readStreamInPages } from './paged-read';
import { storedFormOf } from './read-pipeline';
import type { EventStore } from './store';

/**
 * How a hash chain is broken at the first bad version; 'unreadable': the stored event cannot be
 * read or decoded (its data is not JSON, or not what its type holds), so nothing after it is proven.
 */
export type ChainProblem = 'altered' | 'missing' | 'reordered' | 'unreadable';

/** The outcome of `verifyStream`. */
export type StreamVerification =
  | { readonly ok: true; readonly streamId: string; readonly headHash: string; readonly length: number }
  | {
      readonly ok: false;
      readonly streamId: string;
      /** The first version at which the chain breaks. */
      readonly version: number;
      readonly problem: ChainProblem;
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
}

/** Internal options: stop after a version, count events read. */
export interface WalkOptions {
  readonly upToVersion?: number;
  readonly onEvent?: () => void;
  readonly batchSize?: number;
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
  let expectedVersion = 0;
  let prevHash = GENESIS_HASH;
  let suspect: RecordedEvent | undefined;
  let position = 0;
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
  if (!suspect) return { ok: true, streamId, headHash: prevHash, length: expectedVersion };
  return classify(store, streamId, suspect, expectedVersion, prevHash, position);

  async function walkPages(): Promise<RecordedEvent | undefined> {
    walk: for await (const page of readStreamInPages(store, streamId, {
      batchSize: options.batchSize ?? 1000,
    })) {
      for (const read of page) {
        const event = storedFormOf(read);
        options.onEvent?.();
        if (
          event.version !== expectedVersion ||
          event.metadata.prevHash !== prevHash ||
          recomputeHash(event) !== event.metadata.hash
        ) {
          // Classify after the read is over: some stores cannot run a second read inside the first.
          return event;
        }
        prevHash = event.metadata.hash;
        expectedVersion++;
        position++;
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
  expectedVersion: number,
  expectedPrevHash: string,
  position: number,
): Promise<StreamVerification> {
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
    const later = await findPosition(store, streamId, (e) => e.version === expectedVersion);
    return later !== undefined
      ? broken('reordered', `version ${event.version} comes where version ${expectedVersion} was due`)
      : broken(
          'missing',
          `version ${expectedVersion} is missing (the next event is version ${event.version})`,
        );
  }
  if (event.metadata.prevHash !== expectedPrevHash) {
    const linked = await findPosition(store, streamId, (e) => e.metadata.hash === event.metadata.prevHash);
    if (linked !== undefined && linked > position) {
      return broken('reordered', `the event at version ${expectedVersion} follows an event stored after it`);
    }
    if (linked !== undefined || recomputeHash(event) === event.metadata.hash) {
      return broken('missing', `the event at version ${expectedVersion} does not follow the one before it`);
    }
    return broken('altered', `the event at version ${expectedVersion} has a prevHash that matches no event`);
  }
  return broken('altered', `the content of version ${expectedVersion} no longer matches its hash`);
}

// Reading position (0-based) of the first stored event matching the predicate.
async function findPosition(
  store: EventStore,
  streamId: string,
  predicate: (event: RecordedEvent) => boolean,
): Promise<number | undefined> {
  let position = 0;
  for await (const page of readStreamInPages(store, streamId, { batchSize: 1000 })) {
    for (const read of page) {
      if (predicate(storedFormOf(read))) return position;
      position++;
    }
  }
  return undefined;
}
