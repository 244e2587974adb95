import type { EventFilter, RecordedEvent } from '@cartes-badges/eventsourcing';
import type { DossierEvent } from '../dossier/events';
import { TRANSMITTED_STATUSES } from '../dossier/state';
import { evolveListRow } from './evolve-list-row';
import type { ListName, ListRow } from './list-row';

/**
 * A list as a pure, versioned projection over rows keyed by dossier id: `evolve` gives the new
 * row, or undefined when the list no longer needs it (the row is then deleted).
 */
export interface ListProjection {
  readonly name: ListName;
  /** Bump it when the fold changes: the runner rebuilds the list from the start. */
  readonly version: number;
  readonly filter: EventFilter;
  readonly evolve: (row: ListRow | undefined, event: RecordedEvent<DossierEvent>) => ListRow | undefined;
}

// Events that change nothing a list shows are not read at all.
const LIST_EVENT_TYPES: readonly DossierEvent['type'][] = [
  'DraftCreated',
  'PresaisieSubmitted',
  'DraftDuplicated',
  'PresaisieAccepted',
  'PresaisieRefused',
  'DraftDeleted',
  'CostLinesChanged',
  'Transmitted',
  'InstructionStarted',
  'ComplementsRequested',
  'ComplementSubmitted',
  'Granted',
  'Refused',
  'Reimbursed',
  'Closed',
  'Cancelled',
];

const LIST_FILTER: EventFilter = { streamPrefix: 'dossier-', eventTypes: LIST_EVENT_TYPES };

const isTransmitted = (row: ListRow): boolean => TRANSMITTED_STATUSES.includes(row.status);

function withListed(row: ListRow, listed: boolean): ListRow {
  return row.listed === listed ? row : { ...row, listed };
}

/**
 * Brouillons: drafts and pré-saisies. A transmitted dossier leaves it; a
 * deleted draft too; a refused (or deleted) pré-saisie stays, for its provider to see the
 * outcome, and scoping hides it from everyone else.
 */
export const brouillonsProjection: ListProjection = {
  name: 'brouillons',
  version: 1,
  filter: LIST_FILTER,
  evolve(row, event) {
    const next = evolveListRow(row, event);
    if (next === undefined || isTransmitted(next)) return undefined;
    if (next.status === 'removed' && next.providerSiren === null) return undefined;
    return withListed(next, true);
  },
};

/**
 * Dossiers: transmitted dossiers and their instruction states. Drafts are
 * kept unlisted until transmitted (the row needs what their creation said); removed ones are
 * dropped.
 */
export const dossiersProjection: ListProjection = {
  name: 'dossiers',
  version: 1,
  filter: LIST_FILTER,
  evolve(row, event) {
    const next = evolveListRow(row, event);
    if (next === undefined || next.status === 'removed') return undefined;
    return withListed(next, isTransmitted(next));
  },
};

/** Both lists by name. */
export const LIST_PROJECTIONS: Readonly<Record<ListName, ListProjection>> = {
  brouillons: brouillonsProjection,
  dossiers: dossiersProjection,
};
