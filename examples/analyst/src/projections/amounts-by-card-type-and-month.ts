// Amounts asked, granted and paid, by month of transmission and card type.
// Run it: cartes-badges project examples/analyst/src/projections/amounts-by-card-type-and-month.ts --out montants.csv
import type { ProjectionDefinition } from '@cartes-badges/eventsourcing';
import { defineProjection } from '@cartes-badges/eventsourcing';
import type { DossierEvent } from '@cartes-badges/domain';

interface Bucket {
  readonly month: string;
  readonly cardType: string;
  readonly dossiers: number;
  readonly askedCents: number;
  readonly grantedCents: number;
  readonly paidCents: number;
}

/** What the fold keeps: each dossier's card type and bucket, and the buckets. */
export interface AmountsState {
  readonly cardTypeOf: Readonly<Record<string, string>>;
  readonly bucketOf: Readonly<Record<string, string>>;
  readonly buckets: Readonly<Record<string, Bucket>>;
}

const addTo = (state: AmountsState, streamId: string, change: Partial<Bucket>): AmountsState => {
  const key = state.bucketOf[streamId];
  const bucket = key === undefined ? undefined : state.buckets[key];
  if (key === undefined || bucket === undefined) return state;
  const next: Bucket = {
    ...bucket,
    grantedCents: bucket.grantedCents + (change.grantedCents ?? 0),
    paidCents: bucket.paidCents + (change.paidCents ?? 0),
  };
  return { ...state, buckets: { ...state.buckets, [key]: next } };
};

const created = (state: AmountsState, streamId: string, label: string): AmountsState => ({
  ...state,
  cardTypeOf: { ...state.cardTypeOf, [streamId]: label },
});

/** Amounts by card type and month of transmission (asked at transmission, then granted and paid). */
export const projection: ProjectionDefinition<AmountsState, DossierEvent> = defineProjection<
  AmountsState,
  DossierEvent
>({
  name: 'montants-par-dispositif-et-mois',
  version: 1,
  init: () => ({ cardTypeOf: {}, bucketOf: {}, buckets: {} }),
  handlers: {
    DraftCreated: (s, e) => created(s, e.streamId, e.data.cardType.label),
    PresaisieSubmitted: (s, e) => created(s, e.streamId, e.data.cardType.label),
    DraftDuplicated: (s, e) => created(s, e.streamId, e.data.cardType.label),
    Transmitted: (s, e) => {
      const month = e.metadata.occurredAt.slice(0, 7);
      const cardType = s.cardTypeOf[e.streamId] ?? 'inconnu';
      const key = `${month}|${cardType}`;
      const bucket = s.buckets[key] ?? {
        month,
        cardType,
        dossiers: 0,
        askedCents: 0,
        grantedCents: 0,
        paidCents: 0,
      };
      return {
        ...s,
        bucketOf: { ...s.bucketOf, [e.streamId]: key },
        buckets: {
          ...s.buckets,
          [key]: {
            ...bucket,
            dossiers: bucket.dossiers + 1,
            askedCents: bucket.askedCents + e.data.totalAmountCents,
          },
        },
      };
    },
    Granted: (s, e) => addTo(s, e.streamId, { grantedCents: e.data.amountGrantedCents }),
    Reimbursed: (s, e) => addTo(s, e.streamId, { paidCents: e.data.amountPaidCents }),
  },
});

const euros = (cents: number): string => (cents / 100).toFixed(2);

/** One row per month and card type, oldest month first; amounts in euros with two decimals. */
export function toRows(state: AmountsState) {
  return Object.values(state.buckets)
    .sort((a, b) => a.month.localeCompare(b.month) || a.cardType.localeCompare(b.cardType))
    .map((b) => ({
      mois: b.month,
      dispositif: b.cardType,
      dossiers: b.dossiers,
      demande_eur: euros(b.askedCents),
      accorde_eur: euros(b.grantedCents),
      rembourse_eur: euros(b.paidCents),
    }));
}
