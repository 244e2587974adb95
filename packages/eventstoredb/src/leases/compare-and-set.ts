import { v4 as uuidV4 } from 'uuid';
import type { ClientCalls, WireEvent, WireExpectedRevision } from '../client-port';
import { WrongExpectedRevision } from '../client-port';
import type { LeaseEventData } from './lease-stream';
import { readLeaseState } from './lease-stream';

/** What became of one lease event appended after the revision last read. */
export type SetOutcome =
  | { readonly kind: 'written'; readonly revision: number }
  /** The stream moved on since that revision: another writer won (or an earlier write of ours landed late). */
  | { readonly kind: 'moved' }
  /** A transient failure, and the read-back did not find the event: not written, or not yet. */
  | { readonly kind: 'failed'; readonly error: unknown };

/** A lease event with a fresh id (the read-back after an unanswered append looks for it). */
export function leaseEvent(type: string, data: LeaseEventData): WireEvent {
  return { id: uuidV4(), type, data: { ...data }, metadataJson: '{}' };
}

/**
 * Appends one lease event with the expected revision of the last one read: EventStoreDB's
 * optimistic concurrency check is the compare-and-set, so of two writers after the same
 * revision exactly one gets through. When the answer is lost (deadline, connection dropped,
 * leader changed) the write may have happened: the stream is read back, and the event counts
 * as written only when it is found there. One that lands after the read-back is never
 * believed held by its writer, which is the safe side: nobody works until it expires.
 * Errors that are not transient (access denied, a deleted stream) are thrown.
 */
export async function compareAndSet(
  calls: ClientCalls,
  stream: string,
  event: WireEvent,
  expected: WireExpectedRevision,
): Promise<SetOutcome> {
  try {
    const { nextRevision } = await calls.append(stream, [event], expected);
    return { kind: 'written', revision: nextRevision };
  } catch (error) {
    if (error instanceof WrongExpectedRevision) return { kind: 'moved' };
    if (!calls.isTransient(error)) throw error;
    try {
      const last = await readLeaseState(calls, stream);
      if (last?.eventId === event.id) return { kind: 'written', revision: last.revision };
    } catch {
      // The read-back failed too: the outcome stays unknown, which counts as not written.
    }
    return { kind: 'failed', error };
  }
}
