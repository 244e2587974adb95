// Pré-saisie refusal rate by provider: how often employers refuse what a provider pre-filled.
// Run it: cartes-badges project examples/analyst/src/projections/presaisie-refusal-rate.ts
import type { ProjectionDefinition } from '@cartes-badges/eventsourcing';
import { defineProjection } from '@cartes-badges/eventsourcing';
import type { DossierEvent } from '@cartes-badges/domain';

interface ProviderCounts {
  readonly siren: string;
  readonly name: string;
  readonly submitted: number;
  readonly accepted: number;
  readonly refused: number;
}

/** Each pré-saisie's provider, and the counts by provider SIREN. */
export interface RefusalState {
  readonly providerOf: Readonly<Record<string, string>>;
  readonly providers: Readonly<Record<string, ProviderCounts>>;
}

const bump = (s: RefusalState, siren: string | undefined, field: 'accepted' | 'refused'): RefusalState => {
  const counts = siren === undefined ? undefined : s.providers[siren];
  if (siren === undefined || counts === undefined) return s;
  return { ...s, providers: { ...s.providers, [siren]: { ...counts, [field]: counts[field] + 1 } } };
};

/** Pré-saisies submitted, accepted and refused, by provider. */
export const projection: ProjectionDefinition<RefusalState, DossierEvent> = defineProjection<
  RefusalState,
  DossierEvent
>({
  name: 'refus-de-presaisie-par-prestataire',
  version: 1,
  init: () => ({ providerOf: {}, providers: {} }),
  handlers: {
    PresaisieSubmitted: (s, e) => {
      const { siren, name } = e.data.provider;
      const counts = s.providers[siren] ?? { siren, name, submitted: 0, accepted: 0, refused: 0 };
      return {
        providerOf: { ...s.providerOf, [e.streamId]: siren },
        providers: { ...s.providers, [siren]: { ...counts, submitted: counts.submitted + 1 } },
      };
    },
    PresaisieAccepted: (s, e) => bump(s, s.providerOf[e.streamId], 'accepted'),
    // A pré-saisie refused after acceptance counts as refused, not as accepted.
    PresaisieRefused: (s, e) => {
      const siren = s.providerOf[e.streamId];
      const refused = bump(s, siren, 'refused');
      return e.data.afterAcceptance && siren !== undefined
        ? {
            ...refused,
            providers: {
              ...refused.providers,
              [siren]: { ...refused.providers[siren], accepted: refused.providers[siren].accepted - 1 },
            },
          }
        : refused;
    },
  },
});

/** One row per provider, highest refusal rate first. */
export function toRows(state: RefusalState) {
  return Object.values(state.providers)
    .map((p) => ({
      siren: p.siren,
      prestataire: p.name,
      presaisies: p.submitted,
      acceptees: p.accepted,
      refusees: p.refused,
      en_attente: p.submitted - p.accepted - p.refused,
      taux_refus_pct: p.submitted === 0 ? 0 : Math.round((1000 * p.refused) / p.submitted) / 10,
    }))
    .sort((a, b) => b.taux_refus_pct - a.taux_refus_pct || a.siren.localeCompare(b.siren));
}
