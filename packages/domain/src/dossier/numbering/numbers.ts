import type { EventStore } from '@cartes-badges/eventsourcing';
import { FIRST_DRAFT_NUMBER, formatDossierNumber, MAX_MONTHLY_SEQUENCE, yearMonthOf } from './dossier-number';
import { reserveNumber } from './reserve-number';

/** the draft number of a new dossier (numeric, unique across writers; the same on a retry). */
export function reserveDraftNumber(store: EventStore, dossierId: string): Promise<number> {
  return reserveNumber(store, { sequence: 'draft', ownerId: dossierId, first: FIRST_DRAFT_NUMBER });
}

/**
 * the dossier number of a transmission in the month of `at` (YYMM + AF + 6 digits,
 * from 000001 each month); a retried transmission of the same dossier in that month gets the same.
 */
export async function reserveDossierNumber(store: EventStore, dossierId: string, at: Date): Promise<string> {
  const yymm = yearMonthOf(at);
  const sequence = await reserveNumber(store, {
    sequence: `dossier-${yymm}`,
    ownerId: dossierId,
    first: 1,
    max: MAX_MONTHLY_SEQUENCE,
  });
  return formatDossierNumber(yymm, sequence);
}
