/** The events both EventStoreDB benchmarks append, on the adapter's side and on the raw client's. */
import { randomUUID } from 'node:crypto';

/** How many streams the appends go round. */
export const STREAMS = 50;

export const actor = { role: 'adherent', userId: 'user-1', siret: '12345678900011' };

/** The data of the i-th event. */
export const dataOf = (i: number) => ({
  dossierId: `d-${i % STREAMS}`,
  line: i,
  label: 'Carte de formation',
  amountCents: 12_000,
});

/** The raw side sends metadata of the same shape and size as the adapter's (hashes included). */
export function rawMetadata(version: number) {
  return {
    actor,
    commandId: randomUUID(),
    correlationId: null,
    causationId: null,
    schemaVersion: 1,
    occurredAt: new Date().toISOString(),
    chainVersion: 3,
    prevHash: 'f'.repeat(64),
    hash: 'e'.repeat(64),
    recordedAt: new Date().toISOString(),
    version,
  };
}
