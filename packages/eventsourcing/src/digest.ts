import { readAllInPages } from './paged-read';
import { storedFormOf } from './read-pipeline';
import type { EventFilter, EventStore } from './store';
import type { StreamProblem, VerifyOptions } from './verify';
import { walkChain } from './verify';

/** The head of one stream as a digest records it. */
export interface StreamHead {
  readonly version: number;
  readonly headHash: string;
}

/** Head hashes of every stream at one moment: kept by an auditor, checked later. */
export interface Digest {
  readonly createdAt: string;
  /** Global position of the last event read, as a decimal string (JSON has no bigint). */
  readonly lastPosition: string;
  readonly streams: { readonly [streamId: string]: StreamHead };
}

/** Options of `digest`. */
export interface DigestOptions extends VerifyOptions {
  readonly filter?: EventFilter;
  readonly clock?: () => Date;
}

/** Reads every event (in global order) and records each stream's last version and hash. */
export async function digest(store: EventStore, options: DigestOptions = {}): Promise<Digest> {
  const createdAt = (options.clock ?? (() => new Date()))().toISOString();
  const streams: Record<string, StreamHead> = {};
  let eventsRead = 0;
  let lastPosition = 0n;
  const pages = readAllInPages(store, { filter: options.filter, batchSize: options.batchSize ?? 1000 });
  for await (const page of pages) {
    for (const read of page) {
      const event = storedFormOf(read);
      streams[event.streamId] = { version: event.version, headHash: event.metadata.hash };
      lastPosition = event.globalPosition;
      eventsRead++;
      if (eventsRead % 1000 === 0) options.onProgress?.({ eventsRead, streamsChecked: 0 });
    }
  }
  options.onProgress?.({ eventsRead, streamsChecked: Object.keys(streams).length });
  return { createdAt, lastPosition: lastPosition.toString(), streams };
}

/** One stream whose history no longer matches a digest. */
export interface DigestMismatch {
  readonly streamId: string;
  readonly version: number;
  readonly problem: StreamProblem | 'head_mismatch';
  readonly detail: string;
}

/** The outcome of `verifyAgainstDigest`. */
export type DigestVerification =
  | { readonly ok: true; readonly streamsChecked: number }
  | { readonly ok: false; readonly streamsChecked: number; readonly mismatches: readonly DigestMismatch[] };

/**
 * Proves that, for every stream of the digest, the history up to the recorded version is intact
 * (each hash recomputes and links) and ends on the recorded head hash: nothing before it changed.
 * Events appended since the digest are allowed.
 */
export async function verifyAgainstDigest(
  store: EventStore,
  saved: Digest,
  options: VerifyOptions = {},
): Promise<DigestVerification> {
  const mismatches: DigestMismatch[] = [];
  let eventsRead = 0;
  let streamsChecked = 0;
  for (const [streamId, head] of Object.entries(saved.streams)) {
    const result = await walkChain(store, streamId, {
      upToVersion: head.version,
      batchSize: options.batchSize,
      onEvent: () => {
        eventsRead++;
        if (eventsRead % 1000 === 0) options.onProgress?.({ eventsRead, streamsChecked });
      },
    });
    streamsChecked++;
    if (!result.ok) {
      mismatches.push({ streamId, version: result.version, problem: result.problem, detail: result.detail });
    } else if (result.length <= head.version) {
      mismatches.push({
        streamId,
        version: result.length,
        problem: 'missing',
        detail: `the stream ends at version ${result.length - 1}, the digest recorded version ${head.version}`,
      });
    } else if (result.headHash !== head.headHash) {
      mismatches.push({
        streamId,
        version: head.version,
        problem: 'head_mismatch',
        detail: `the hash at version ${head.version} is ${result.headHash}, the digest recorded ${head.headHash}`,
      });
    }
    options.onProgress?.({ eventsRead, streamsChecked });
  }
  return mismatches.length === 0 ? { ok: true, streamsChecked } : { ok: false, streamsChecked, mismatches };
}
