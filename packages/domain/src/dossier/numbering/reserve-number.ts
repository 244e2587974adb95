import type { EventStore, RecordedEvent } from '@cartes-badges/eventsourcing';
import { ConcurrencyError } from '@cartes-badges/eventsourcing';
import type { Int } from 'io-ts';
import { NUMBERING_STREAM_PREFIX } from './numbering-events';

/** Where a number is taken: its sequence stream, and who takes it. */
export interface NumberRequest {
  /** Sequence name, e.g. `draft` or `dossier-2512`. */
  readonly sequence: string;
  /** Who takes the number (a dossier id): asking again for the same owner gives the same number. */
  readonly ownerId: string;
  /** The number the sequence starts at. */
  readonly first: number;
  /** The largest number the sequence may give. */
  readonly max?: number;
  /** How many times to try again after another writer took the next number first (default 1000). */
  readonly maxAttempts?: number;
}

const NUMBERING_ACTOR = { role: 'system', userId: 'numbering' };

/** The stream holding a sequence's reservations. */
export const sequenceStreamId = (sequence: string): string => `${NUMBERING_STREAM_PREFIX}${sequence}`;
/** The stream holding the number an owner keeps in a sequence. */
export const claimStreamId = (sequence: string, ownerId: string): string =>
  `${NUMBERING_STREAM_PREFIX}claim-${sequence}-${ownerId}`;

async function lastEvent(store: EventStore, streamId: string): Promise<RecordedEvent | undefined> {
  for await (const event of store.readStream(streamId, { direction: 'backwards', maxCount: 1 })) return event;
  return undefined;
}

async function reservedSince(
  store: EventStore,
  stream: string,
  fromVersion: number,
  ownerId: string,
): Promise<number | undefined> {
  for await (const event of store.readStream(stream, { fromVersion })) {
    if ((event.data as { ownerId?: unknown }).ownerId === ownerId) return numberOf(event);
  }
  return undefined;
}

function numberOf(event: RecordedEvent): number {
  const data = event.data as { number?: unknown };
  if (typeof data.number !== 'number')
    throw new Error(`Numbering event without a number in ${event.streamId}`);
  return data.number;
}

/**
 * takes the next number of a sequence through the event store itself, so that
 * numbers stay unique whatever the number of processes: each number is an event appended with
 * the version read, and a writer that loses the race reads again and takes the next one. The
 * number is then claimed for its owner (append to a fresh stream, `no_stream`): a retry for the
 * same owner finds the claim and gets the same number; an attempt that loses the race to another
 * attempt for the same owner takes that one's number. Only a crash between the reservation and
 * the claim, followed by a retry, can leave a number unused: a gap, never a duplicate.
 */
export async function reserveNumber(store: EventStore, request: NumberRequest): Promise<number> {
  const claimStream = claimStreamId(request.sequence, request.ownerId);
  const existing = await lastEvent(store, claimStream);
  if (existing) return numberOf(existing);

  const stream = sequenceStreamId(request.sequence);
  const maxAttempts = request.maxAttempts ?? 1000;
  let reserved: number | undefined;
  for (let attempt = 0; reserved === undefined; attempt++) {
    const last = await lastEvent(store, stream);
    const next = last ? numberOf(last) + 1 : request.first;
    if (request.max !== undefined && next > request.max) {
      throw new RangeError(`La séquence ${request.sequence} est épuisée (maximum ${request.max})`);
    }
    try {
      await store.appendToStream(
        stream,
        [
          {
            type: 'NumberReserved',
            data: { sequence: request.sequence, number: next as Int, ownerId: request.ownerId },
            metadata: { actor: NUMBERING_ACTOR, commandId: `${request.sequence}:${request.ownerId}` },
          },
        ],
        { expectedVersion: last ? last.version : 'no_stream' },
      );
      reserved = next;
    } catch (error) {
      if (!(error instanceof ConcurrencyError) || attempt + 1 >= maxAttempts) throw error;
      // The writer that won may be another attempt for the same owner (a retry racing the
      // first try): then its number is ours, and taking another would leave a gap.
      reserved = await reservedSince(store, stream, last ? last.version + 1 : 0, request.ownerId);
      // Otherwise let the winner go on before reading again.
      if (reserved === undefined) await new Promise((resolve) => setImmediate(resolve));
    }
  }

  try {
    await store.appendToStream(
      claimStream,
      [
        {
          type: 'NumberClaimed',
          data: { sequence: request.sequence, number: reserved as Int },
          metadata: { actor: NUMBERING_ACTOR, commandId: `${request.sequence}:${request.ownerId}` },
        },
      ],
      { expectedVersion: 'no_stream' },
    );
    return reserved;
  } catch (error) {
    if (!(error instanceof ConcurrencyError)) throw error;
    const winner = await lastEvent(store, claimStream);
    if (!winner) throw error;
    return numberOf(winner);
  }
}
