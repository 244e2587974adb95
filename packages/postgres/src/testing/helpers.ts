/// <reference types="jest" />
import { GENESIS_HASH } from '@cartes-badges/eventsourcing';
import { prepareEventsForAppend } from '@cartes-badges/eventsourcing/adapter';
import type { EventToAppend } from '@cartes-badges/eventsourcing';
import type { PreparedEvent } from '@cartes-badges/eventsourcing/adapter';
import type { ClientBase } from 'pg';
import type { AppendRow } from '../append';
import { appendParameters, appendStatement } from '../append';
import { postgresUnavailableReason } from './pg-available';

/** `describe` when PostgreSQL answers, `describe.skip` (with the reason printed) otherwise; CI fails. */
export const describeWithPostgres: jest.Describe = postgresUnavailableReason() ? describe.skip : describe;

/** Polls `predicate` until it holds; fails with `what` after `timeoutMs`. */
export async function waitUntil(
  predicate: () => boolean | Promise<boolean>,
  what: string,
  timeoutMs = 20_000,
): Promise<void> {
  const start = Date.now();
  while (!(await predicate())) {
    if (Date.now() - start > timeoutMs)
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Resolves after `ms` milliseconds. */
export const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Writes a batch to a new stream through the store's own statement, on a connection the test
 * controls (so that it can hold the transaction open, or have it killed).
 */
export async function appendAsAnotherProcess(
  client: ClientBase,
  schema: string,
  streamId: string,
  events: readonly EventToAppend[],
): Promise<{ prepared: PreparedEvent[]; row: AppendRow }> {
  const prepared = prepareEventsForAppend({
    streamId,
    firstVersion: 0,
    prevHash: GENESIS_HASH,
    events,
    now: new Date(),
  });
  const { rows } = await client.query<AppendRow>(
    appendStatement(schema),
    appendParameters(streamId, null, prepared, true),
  );
  return { prepared, row: rows[0] };
}
