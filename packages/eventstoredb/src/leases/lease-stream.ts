import type { ClientCalls, WireRecord } from '../client-port';

/** Prefix of the lease streams (after the store's namespace); the adapter's stores never read them as events. */
export const LEASE_STREAM_PREFIX = '_lease-';

export const LEASE_TAKEN = 'LeaseTaken';
export const LEASE_RENEWED = 'LeaseRenewed';
export const LEASE_RELEASED = 'LeaseReleased';

/** What every lease event carries: who holds it, with which fencing token, until when (by the writer's clock). */
export interface LeaseEventData {
  readonly holder: string;
  /** A decimal string: the token is a bigint. */
  readonly token: string;
  /** ISO date; the moment the writer released it for a `LeaseReleased`. */
  readonly expiresAt: string;
}

/** The last event of a lease stream, as a reader judges it. */
export interface LeaseState {
  /** The revision to append after (the compare-and-set). */
  readonly revision: number;
  /** The id of that event: a writer whose answer was lost recognises its own write by it. */
  readonly eventId: string;
  readonly holder: string;
  readonly token: bigint;
  /** Epoch milliseconds by the writer's clock. */
  readonly expiresAt: number;
  readonly released: boolean;
}

/** The last event of a lease stream, or undefined when nobody ever took the lease. */
export async function readLeaseState(calls: ClientCalls, stream: string): Promise<LeaseState | undefined> {
  const [record] = await calls.readStream(stream, { from: 'end', direction: 'backwards', maxCount: 1 });
  return record && parseLeaseRecord(record);
}

function parseLeaseRecord(record: WireRecord): LeaseState {
  const data = record.data as Partial<Record<keyof LeaseEventData, unknown>> | undefined;
  const known = [LEASE_TAKEN, LEASE_RENEWED, LEASE_RELEASED].includes(record.type);
  const expiresAt = typeof data?.expiresAt === 'string' ? Date.parse(data.expiresAt) : NaN;
  if (
    !known ||
    typeof data?.holder !== 'string' ||
    typeof data.token !== 'string' ||
    !/^\d+$/.test(data.token) ||
    Number.isNaN(expiresAt)
  ) {
    // Something else wrote to the stream: refuse to guess who holds the lease.
    throw new Error(
      `Lease stream ${record.streamName}: expected a ${LEASE_TAKEN}, ${LEASE_RENEWED} or ${LEASE_RELEASED} ` +
        `event with { holder: string, token: decimal string, expiresAt: ISO date }, got ${record.type} ` +
        JSON.stringify(record.data),
    );
  }
  return {
    revision: record.revision,
    eventId: record.id,
    holder: data.holder,
    token: BigInt(data.token),
    expiresAt,
    released: record.type === LEASE_RELEASED,
  };
}
