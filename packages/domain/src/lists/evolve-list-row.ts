import type { RecordedEvent } from '@cartes-badges/eventsourcing';
import type { DossierEvent } from '../dossier/events';
import type { DossierStatus } from '../dossier/state';
import { totalAmountCents } from '../dossier/totals';
import type { ListRow } from './list-row';
import { dossierIdOfStream, numberKeyOf } from './list-row';
import { normaliseSearchText } from './normalise-search';

type Creation = RecordedEvent<
  Extract<DossierEvent, { type: 'DraftCreated' | 'PresaisieSubmitted' | 'DraftDuplicated' }>
>;

// Card type labels and company names repeat across rows: their folded form is remembered
// (bounded), so that building a search key costs a lookup, not a Unicode normalisation.
const foldedNames = new Map<string, string>();
const FOLDED_NAMES_MAX = 100_000;

function searchKeyOf(number: string, cardTypeLabel: string, companyName: string): string {
  const names = `${cardTypeLabel} ${companyName}`;
  let folded = foldedNames.get(names);
  if (folded === undefined) {
    if (foldedNames.size >= FOLDED_NAMES_MAX) foldedNames.clear();
    folded = normaliseSearchText(names);
    foldedNames.set(names, folded);
  }
  return `${normaliseSearchText(number)} ${folded}`;
}

function created(event: Creation): ListRow {
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
    searchKey: searchKeyOf(number, data.cardType.label, data.establishment.name),
  };
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
 * Folds one dossier event into the dossier's list row (pure, total). Creation events make the
 * row; later events of a dossier the fold never saw (history cut short) leave it undefined.
 * `listed` is left as it was: each list decides it.
 */
export function evolveListRow(
  row: ListRow | undefined,
  event: RecordedEvent<DossierEvent>,
): ListRow | undefined {
  if (
    event.type === 'DraftCreated' ||
    event.type === 'PresaisieSubmitted' ||
    event.type === 'DraftDuplicated'
  ) {
    return created(event);
  }
  if (row === undefined || row.dossierId !== dossierIdOfStream(event.streamId)) return row;
  const updatedAt = event.metadata.occurredAt;
  switch (event.type) {
    case 'PresaisieAccepted':
      return { ...row, updatedAt, status: 'draft', presaisieAccepted: true };
    case 'PresaisieRefused':
      return { ...row, updatedAt, status: 'removed', removal: 'presaisieRefused' };
    case 'DraftDeleted':
      return { ...row, updatedAt, status: 'removed', removal: 'deleted' };
    case 'CostLinesChanged':
      return { ...row, updatedAt, totalCents: totalAmountCents(event.data.lines) };
    case 'Transmitted': {
      const number = event.data.dossierNumber;
      return {
        ...row,
        updatedAt,
        status: 'transmitted',
        number,
        numberKey: numberKeyOf(number),
        dossierNumber: number,
        transmittedAt: event.metadata.occurredAt,
        totalCents: event.data.totalAmountCents,
        searchKey: searchKeyOf(number, row.cardTypeLabel, row.companyName),
      };
    }
    default: {
      const status = STATUS_OF[event.type];
      return status === undefined ? { ...row, updatedAt } : { ...row, updatedAt, status };
    }
  }
}
