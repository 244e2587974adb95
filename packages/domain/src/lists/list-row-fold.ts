import type { RecordedEvent } from '@cartes-badges/eventsourcing';
import type { DossierEvent } from '../dossier/events';
import type { DossierStatus } from '../dossier/state';
import { totalAmountCents } from '../dossier/totals';
import type { ListRow } from './list-row';
import { numberKeyOf } from './list-row';
import { normaliseSearchText } from './normalise-search';

// The row fold in a form that writes into a row the caller owns: a batch folds each dossier's
// events into one copy of its row instead of one new row per event (see foldBatch). The pure
// `evolveListRow` is built on it.

/** A row being folded: a copy owned by the fold, never a row a read model holds. */
export type MutableListRow = { -readonly [K in keyof ListRow]: ListRow[K] };

/** The events that make a row (and replace whatever row the dossier had). */
export type CreationEvent = RecordedEvent<
  Extract<DossierEvent, { type: 'DraftCreated' | 'PresaisieSubmitted' | 'DraftDuplicated' }>
>;

/** Whether an event creates the row. */
export function isCreationEvent(event: RecordedEvent<DossierEvent>): event is CreationEvent {
  return (
    event.type === 'DraftCreated' || event.type === 'PresaisieSubmitted' || event.type === 'DraftDuplicated'
  );
}

// Card type labels and company names repeat across rows: their folded form is remembered
// (bounded), so that building a search key costs two lookups, not a Unicode normalisation.
// Folding the label and the name apart gives the same text as folding them joined by a space:
// the fold works word by word and a space only separates words.
const foldedNames = new Map<string, string>();
const FOLDED_NAMES_MAX = 100_000;

function folded(text: string): string {
  let result = foldedNames.get(text);
  if (result === undefined) {
    if (foldedNames.size >= FOLDED_NAMES_MAX) foldedNames.clear();
    result = normaliseSearchText(text);
    foldedNames.set(text, result);
  }
  return result;
}

/** The search key of a row: number, card type label and company name, folded. */
export function searchKeyOf(number: string, cardTypeLabel: string, companyName: string): string {
  const label = folded(cardTypeLabel);
  const company = folded(companyName);
  const names = label === '' ? company : company === '' ? label : `${label} ${company}`;
  return `${normaliseSearchText(number)} ${names}`;
}

/**
 * The row a creation event makes (not listed: each list decides). `searchKey` false leaves the
 * search key empty for the caller to set (see `withSearchKey`): a batch builds it once per row
 * it keeps, not per creation and transmission.
 */
export function createdRow(event: CreationEvent, searchKey = true): MutableListRow {
  const { data } = event;
  const number = String(data.draftNumber);
  const provider = event.type === 'PresaisieSubmitted' ? event.data.provider : null;
  const costLines = event.type === 'DraftCreated' ? [] : event.data.costLines;
  return {
    dossierId: data.dossierId,
    number,
    numberKey: numberKeyOf(number),
    draftNumber: data.draftNumber,
    dossierNumber: null,
    cardTypeCode: data.cardType.code,
    cardTypeLabel: data.cardType.label,
    companyName: data.establishment.name,
    siret: data.establishment.siret,
    siren: data.establishment.siren,
    status: provider ? 'presaisie' : 'draft',
    removal: null,
    providerSiren: provider?.siren ?? null,
    providerSiret: provider?.siret ?? null,
    providerName: provider?.name ?? null,
    presaisieAccepted: false,
    createdAt: event.metadata.occurredAt,
    updatedAt: event.metadata.occurredAt,
    transmittedAt: null,
    totalCents: totalAmountCents(costLines),
    listed: false,
    searchKey: searchKey ? searchKeyOf(number, data.cardType.label, data.establishment.name) : '',
  };
}

/**
 * Sets a row's search key from its number, card type and company: the only fields it depends
 * on, which only creation and transmission set.
 */
export function withSearchKey(row: MutableListRow): void {
  row.searchKey = searchKeyOf(row.number, row.cardTypeLabel, row.companyName);
}

const STATUS_OF: Partial<Record<DossierEvent['type'], DossierStatus>> = {
  InstructionStarted: 'instruction',
  ComplementsRequested: 'complementsRequested',
  ComplementSubmitted: 'complementSubmitted',
  Granted: 'granted',
  Refused: 'refused',
  Reimbursed: 'reimbursed',
  Closed: 'closed',
  Cancelled: 'cancelled',
};

/**
 * Folds a later (non-creation) event of the row's own dossier into the row, in place. The caller
 * checks that the event is the row's and owns the row. Gives true when the search key must be
 * rebuilt (transmission: a new number), which it does unless `searchKey` is false.
 */
export function foldIntoRow(
  row: MutableListRow,
  event: RecordedEvent<DossierEvent>,
  searchKey = true,
): boolean {
  row.updatedAt = event.metadata.occurredAt;
  switch (event.type) {
    case 'PresaisieAccepted':
      row.status = 'draft';
      row.presaisieAccepted = true;
      return false;
    case 'PresaisieRefused':
      row.status = 'removed';
      row.removal = 'presaisieRefused';
      return false;
    case 'DraftDeleted':
      row.status = 'removed';
      row.removal = 'deleted';
      return false;
    case 'CostLinesChanged':
      row.totalCents = totalAmountCents(event.data.lines);
      return false;
    case 'Transmitted': {
      const number = event.data.dossierNumber;
      row.status = 'transmitted';
      row.number = number;
      row.numberKey = numberKeyOf(number);
      row.dossierNumber = number;
      row.transmittedAt = event.metadata.occurredAt;
      row.totalCents = event.data.totalAmountCents;
      if (searchKey) withSearchKey(row);
      return true;
    }
    default: {
      const status = STATUS_OF[event.type];
      if (status !== undefined) row.status = status;
    }
  }
  return false;
}
