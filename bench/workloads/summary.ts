import type { DossierEvent } from './dossier';

/** One row per dossier, as a rebuilt read model would hold it. */
export type DossierSummary = {
  streamId: string;
  siret: string;
  status: 'draft' | 'transmitted';
  documents: number;
  events: number;
};

/** Folds one event into the map of summaries (mutating the map, as a projection would). */
export function applyToSummaries(
  rows: Map<string, DossierSummary>,
  streamId: string,
  event: DossierEvent,
): void {
  const row = rows.get(streamId);
  if (event.type === 'DossierCreated') {
    rows.set(streamId, { streamId, siret: event.data.siret, status: 'draft', documents: 0, events: 1 });
    return;
  }
  if (!row) throw new Error(`Event ${event.type} of ${streamId} before its DossierCreated`);
  row.events += 1;
  if (event.type === 'DocumentAttached') row.documents += 1;
  else if (event.type === 'DossierTransmitted') row.status = 'transmitted';
}
