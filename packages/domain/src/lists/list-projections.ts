import type { EventFilter, RecordedEvent } from '@cartes-badges/eventsourcing';
import type { DossierEvent } from '../dossier/events';
import type { DossierStatus } from '../dossier/state';
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
  /**
   * What the list does with a row the shared fold (`evolveListRow`) gave: undefined drops it,
   * otherwise whether it is listed. When present, `evolve` must be that fold followed by this
   * decision: batches then fold each dossier's events into one copy of its row.
   */
  readonly placement?: (row: ListRow) => boolean | undefined;
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

const TRANSMITTED: ReadonlySet<DossierStatus> = new Set(TRANSMITTED_STATUSES);
const isTransmitted = (row: ListRow): boolean => TRANSMITTED.has(row.status);

function withListed(row: ListRow, listed: boolean): ListRow {
  return row.listed === listed ? row : { ...row, listed };
}

/** A projection from the shared fold and a list's placement decision. */
function listProjection(
  name: ListName,
  version: number,
  placement: (row: ListRow) => boolean | undefined,
): ListProjection {
  return {
    name,
    version,
    filter: LIST_FILTER,
    placement,
    evolve(row, event) {
      const next = evolveListRow(row, event);
      if (next === undefined) return undefined;
      const listed = placement(next);
      return listed === undefined ? undefined : withListed(next, listed);
    },
  };
}

/**
 * Brouillons: drafts and pré-saisies. A transmitted dossier leaves it; a
 * deleted draft too; a refused (or deleted) pré-saisie stays, for its provider to see the
 * outcome, and scoping hides it from everyone else.
 */
export const brouillonsProjection: ListProjection = listProjection('brouillons', 1, (row) =>
  isTransmitted(row) || (row.status === 'removed' && row.providerSiren === null) ? undefined : true,
);

/**
 * Dossiers: transmitted dossiers and their instruction states. Drafts are
 * kept unlisted until transmitted (the row needs what their creation said); removed ones are
 * dropped.
 */
export const dossiersProjection: ListProjection = listProjection('dossiers', 1, (row) =>
  row.status === 'removed' ? undefined : isTransmitted(row),
);

/** Both lists by name. */
export const LIST_PROJECTIONS: Readonly<Record<ListName, ListProjection>> = {
  brouillons: brouillonsProjection,
  dossiers: dossiersProjection,
};
