// A row projection over made-up account streams, for the row projection tests of every store:
// every column type, a delete, rows touched across batches, hostile text.
import type {
  DomainEvent,
  EventStore,
  RecordedEvent,
  RowProjectionDefinition,
} from '@cartes-badges/eventsourcing';
import { defineRowProjection } from '@cartes-badges/eventsourcing';

type AccountEvent =
  | DomainEvent<'Opened', { owner: string }>
  | DomainEvent<'Deposited', { cents: number }>
  | DomainEvent<'Tagged', { tags: string[] }>
  | DomainEvent<'Closed', Record<string, never>>;

/** One row per open account. */
export interface AccountRow {
  [column: string]: string | number | boolean | string[] | null | undefined;
  owner: string;
  balance_cents: number;
  deposits: number;
  average_cents: number | null;
  large: boolean;
  last_deposit_at: string | null;
  tags: string[] | null;
}

/** The sample projection at a version (2 adds a column, as an analyst's next version would). */
export const accountsProjection = (version = 1, name = 'accounts'): RowProjectionDefinition<AccountRow> =>
  // Widened to any event: the tests fold what the store reads back, which is only these events.
  defineRowProjection<AccountRow, AccountEvent>({
    name,
    version,
    key: 'account_id',
    columns: {
      owner: 'text',
      balance_cents: 'bigint',
      deposits: 'integer',
      average_cents: 'double',
      large: 'boolean',
      last_deposit_at: 'timestamptz',
      tags: 'json',
      ...(version >= 2 ? { owner_upper: 'text' } : {}),
    },
    handlers: {
      Opened: (_row, e) => ({
        owner: e.data.owner,
        balance_cents: 0,
        deposits: 0,
        average_cents: null,
        large: false,
        last_deposit_at: null,
        tags: null,
        ...(version >= 2 ? { owner_upper: e.data.owner.toUpperCase() } : {}),
      }),
      Deposited: (row, e) =>
        row && {
          ...row,
          balance_cents: row.balance_cents + e.data.cents,
          deposits: row.deposits + 1,
          average_cents: (row.balance_cents + e.data.cents) / (row.deposits + 1),
          large: row.balance_cents + e.data.cents > 50_000,
          last_deposit_at: e.metadata.occurredAt,
        },
      Tagged: (row, e) => row && { ...row, tags: e.data.tags },
      Closed: () => undefined,
    },
  }) as unknown as RowProjectionDefinition<AccountRow>;

const OWNERS = ['Société Générale', "O'Brien; DROP TABLE events; --", 'dit "bonjour"', '=1+1', 'Zoé'];

/** Appends `count` account events over 40 accounts (some closed, some reopened), deterministically. */
export async function appendAccountEvents(store: EventStore, count: number, seed = 0): Promise<void> {
  for (let i = 0; i < count; i += 1) {
    const n = seed + i;
    const stream = `acct-${n % 40}`;
    const step = Math.floor(n / 40) % 9;
    const event: DomainEvent =
      step === 0
        ? { type: 'Opened', data: { owner: OWNERS[n % OWNERS.length] } }
        : step === 8 && n % 3 === 0
          ? { type: 'Closed', data: {} }
          : step % 4 === 3
            ? { type: 'Tagged', data: { tags: [`t${n % 7}`, 'ä "q"'] } }
            : { type: 'Deposited', data: { cents: (n * 7919) % 30_000 } };
    await store.appendToStream(stream, [
      { ...event, metadata: { occurredAt: new Date(Date.UTC(2026, 0, 1) + n * 60_000).toISOString() } },
    ]);
  }
}

/** Every event of the store, in order. */
export async function allEvents(store: EventStore): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = [];
  for await (const event of store.readAll()) events.push(event);
  return events;
}
