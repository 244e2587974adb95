import type { EventStore } from '@cartes-badges/eventsourcing';
import { DOSSIER_NUMBER_PATTERN, dossierStreamId } from '@cartes-badges/domain';
import { validate as isUuid } from 'uuid';
import { notFound, usageError } from '../errors';

/** The events that give a dossier its numbers: the draft number at creation, the dossier number at transmission. */
const NUMBERING_TYPES = ['DraftCreated', 'PresaisieSubmitted', 'DraftDuplicated', 'Transmitted'];

/**
 * The dossier id of what the user typed: a dossier id (uuid), its stream id (dossier-<uuid>),
 * a draft number (10001) or a dossier number (2512AF000408). Unknown → a "not found" error.
 */
export async function findDossierId(store: EventStore, reference: string): Promise<string> {
  const text = reference.trim();
  const id = text.startsWith('dossier-') ? text.slice('dossier-'.length) : text;
  if (isUuid(id)) {
    for await (const _event of store.readStream(dossierStreamId(id), { maxCount: 1 }))
      return id.toLowerCase();
    throw notFound(`Dossier introuvable : aucun dossier d'identifiant ${id}`);
  }
  const upper = text.toUpperCase();
  const isDraftNumber = /^\d{1,9}$/.test(text);
  if (!isDraftNumber && !DOSSIER_NUMBER_PATTERN.test(upper)) {
    throw usageError(
      `« ${reference} » n'est ni un numéro de brouillon (10001), ni un numéro de dossier (2512AF000408), ni un identifiant de dossier (uuid)`,
    );
  }
  // No index of numbers in the event store: one pass over the events that carry them. The
  // filter goes down to the store (type index), so the pass reads only those events.
  for await (const event of store.readAll({
    filter: { streamPrefix: 'dossier-', eventTypes: NUMBERING_TYPES },
  })) {
    const data = event.data as { draftNumber?: number; dossierNumber?: string };
    if (isDraftNumber ? data.draftNumber === Number(text) : data.dossierNumber === upper) {
      return event.streamId.slice('dossier-'.length);
    }
  }
  throw notFound(
    `Dossier introuvable : aucun ${isDraftNumber ? 'brouillon' : 'dossier'} n° ${reference} dans ce store (vérifiez le numéro ou --store)`,
  );
}
