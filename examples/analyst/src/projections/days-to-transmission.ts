// Median days from creation to transmission, overall and by card type.
// Run it: cartes-badges project examples/analyst/src/projections/days-to-transmission.ts --out delais.csv
import type { ProjectionDefinition } from '@cartes-badges/eventsourcing';
import { defineProjection } from '@cartes-badges/eventsourcing';
import type { DossierEvent } from '@cartes-badges/domain';

/** Creation instant and card type of each dossier, and the delays measured (in days) by card type. */
export interface DelayState {
  readonly createdAt: Readonly<Record<string, { readonly at: string; readonly cardType: string }>>;
  readonly days: Readonly<Record<string, readonly number[]>>;
}

const DAY_MS = 86_400_000;

const created = (s: DelayState, streamId: string, at: string, cardType: string): DelayState => ({
  ...s,
  createdAt: { ...s.createdAt, [streamId]: { at, cardType } },
});

/** Days from a dossier's creation (draft, pré-saisie or copy) to its transmission. */
export const projection: ProjectionDefinition<DelayState, DossierEvent> = defineProjection<
  DelayState,
  DossierEvent
>({
  name: 'delai-creation-transmission',
  version: 1,
  init: () => ({ createdAt: {}, days: {} }),
  handlers: {
    DraftCreated: (s, e) => created(s, e.streamId, e.metadata.occurredAt, e.data.cardType.label),
    PresaisieSubmitted: (s, e) => created(s, e.streamId, e.metadata.occurredAt, e.data.cardType.label),
    DraftDuplicated: (s, e) => created(s, e.streamId, e.metadata.occurredAt, e.data.cardType.label),
    Transmitted: (s, e) => {
      const start = s.createdAt[e.streamId];
      if (start === undefined) return s;
      const days = (Date.parse(e.metadata.occurredAt) - Date.parse(start.at)) / DAY_MS;
      return { ...s, days: { ...s.days, [start.cardType]: [...(s.days[start.cardType] ?? []), days] } };
    },
  },
});

/** The median of a non-empty list. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

const round1 = (n: number): number => Math.round(n * 10) / 10;

/** One row per card type and one for all of them: how many dossiers, median and max days. */
export function toRows(state: DelayState) {
  const groups = Object.entries(state.days).sort(([a], [b]) => a.localeCompare(b));
  const all = groups.flatMap(([, days]) => days);
  return [...groups, ['Tous dispositifs', all] as const]
    .filter(([, days]) => days.length > 0)
    .map(([cardType, days]) => ({
      dispositif: cardType,
      dossiers_transmis: days.length,
      mediane_jours: round1(median(days)),
      max_jours: round1(Math.max(...days)),
    }));
}
