// One row per dossier, kept in a SQL table that resumes where it stopped and follows new events:
//   cartes-badges project examples/analyst/src/projections/dossier-rows.ts --into sqlite:analyses.db
//   cartes-badges project examples/analyst/src/projections/dossier-rows.ts --into postgres://localhost/test --follow
import type { RecordedEvent, RowProjectionDefinition } from '@cartes-badges/eventsourcing';
import { defineRowProjection } from '@cartes-badges/eventsourcing';
import type { DossierEvent } from '@cartes-badges/domain';

/** A dossier as the analysts see it: where it came from, where it stands, the amounts. */
export interface DossierRow {
  [column: string]: string | number | boolean | null;
  card_type: string;
  card_type_label: string;
  siret: string;
  company: string;
  origin: 'brouillon' | 'pre-saisie' | 'duplication';
  provider_siren: string | null;
  provider_name: string | null;
  presaisie_provider_siren: string | null;
  status: string;
  number: string | null;
  created_at: string;
  transmitted_at: string | null;
  asked_cents: number | null;
  granted_cents: number | null;
  paid_cents: number;
  presaisie_refused: boolean;
  complements_pending: boolean;
}

type Row = DossierRow | undefined;
const at = (e: RecordedEvent): string => e.metadata.occurredAt;
const set = (row: Row, change: Partial<DossierRow>): Row => row && ({ ...row, ...change } as DossierRow);

/** Version 1: one row per dossier stream, keyed by the dossier id. */
export const projection: RowProjectionDefinition<DossierRow, DossierEvent> = defineRowProjection<
  DossierRow,
  DossierEvent
>({
  name: 'dossiers_analyse',
  version: 1,
  key: 'dossier_id',
  keyOf: (e) => e.streamId.slice('dossier-'.length),
  columns: {
    card_type: 'text',
    card_type_label: 'text',
    siret: 'text',
    company: 'text',
    origin: 'text',
    provider_siren: 'text',
    provider_name: 'text',
    presaisie_provider_siren: 'text',
    status: 'text',
    number: 'text',
    created_at: 'timestamptz',
    transmitted_at: 'timestamptz',
    asked_cents: 'bigint',
    granted_cents: 'bigint',
    paid_cents: 'bigint',
    presaisie_refused: 'boolean',
    complements_pending: 'boolean',
  },
  filter: { streamPrefix: 'dossier-' },
  handlers: {
    DraftCreated: (_row, e) => created(e, 'brouillon', null),
    DraftDuplicated: (_row, e) => created(e, 'duplication', null),
    PresaisieSubmitted: (_row, e) =>
      created(e, 'pre-saisie', { siren: e.data.provider.siren, name: e.data.provider.name }),
    ProviderSelected: (row, e) =>
      set(row, { provider_siren: e.data.provider.siren, provider_name: e.data.provider.name }),
    PresaisieRefused: (row) => set(row, { status: 'pre-saisie refusee', presaisie_refused: true }),
    DraftDeleted: (row) => set(row, { status: 'supprime' }),
    Transmitted: (row, e) =>
      set(row, {
        status: 'transmis',
        number: e.data.dossierNumber,
        transmitted_at: at(e),
        asked_cents: e.data.totalAmountCents,
      }),
    InstructionStarted: (row) => set(row, { status: 'en instruction' }),
    ComplementsRequested: (row) => set(row, { status: 'complements demandes', complements_pending: true }),
    ComplementSubmitted: (row) => set(row, { status: 'en instruction', complements_pending: false }),
    Granted: (row, e) => set(row, { status: 'accorde', granted_cents: e.data.amountGrantedCents }),
    Refused: (row) => set(row, { status: 'refuse' }),
    Reimbursed: (row, e) =>
      set(row, { status: 'rembourse', paid_cents: (row?.paid_cents ?? 0) + e.data.amountPaidCents }),
    Closed: (row) => set(row, { status: 'clos' }),
    Cancelled: (row) => set(row, { status: 'annule' }),
  },
});

function created(
  e: RecordedEvent<
    Extract<DossierEvent, { type: 'DraftCreated' | 'DraftDuplicated' | 'PresaisieSubmitted' }>
  >,
  origin: DossierRow['origin'],
  provider: { siren: string; name: string } | null,
): DossierRow {
  return {
    card_type: e.data.cardType.code,
    card_type_label: e.data.cardType.label,
    siret: e.data.establishment.siret,
    company: e.data.establishment.name,
    origin,
    provider_siren: provider?.siren ?? null,
    provider_name: provider?.name ?? null,
    presaisie_provider_siren: provider?.siren ?? null,
    status: origin === 'pre-saisie' ? 'pre-saisie' : 'brouillon',
    number: null,
    created_at: at(e),
    transmitted_at: null,
    asked_cents: null,
    granted_cents: null,
    paid_cents: 0,
    presaisie_refused: false,
    complements_pending: false,
  };
}
