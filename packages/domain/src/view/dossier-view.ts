import type { Catalogue } from '../catalogue';
import type {
  Attestation,
  AttachmentScope,
  AttestationLink,
  DossierAction,
  DossierActor,
  DossierState,
  DossierStatus,
  DossierSynthesis,
  TabName,
  ValidationMessage,
} from '../dossier';
import {
  ATTESTATION_LABELS,
  ATTESTATION_TABS,
  ATTESTATIONS,
  availableActions,
  dossierStatusLabel,
  FIELD_LABELS,
  fieldLabel,
  GENERAL_CONDITIONS_LINK,
  synthesisOf,
  totalAmountCents,
  validateDossier,
} from '../dossier';
import { formatEuros } from '../money';
import type { EstablishmentSnapshot, ProviderSnapshot } from '../ports';
import type { DocumentsView } from './documents-view';
import { documentsView } from './documents-view';

/** An amount in cents and as the portal prints it ("1 234,56 €", R-14). */
export interface AmountView {
  readonly cents: number;
  readonly formatted: string;
}

/** A tab message with the field's French label. */
export interface MessageView extends ValidationMessage {
  /** "Email de contact", "Coûts de formation, ligne 1 : Quantité". */
  readonly label: string;
}

/** One tab as its bullet and its messages show it. */
export interface TabView {
  readonly tab: TabName;
  readonly status: 'valid' | 'invalid';
  /** The guide's words for the bullet: "Onglet validé" or "Des données obligatoires sont absentes ou des règles de gestion non valides". */
  readonly statusLabel: string;
  readonly messages: readonly MessageView[];
}

/** An attestation box with its full wording. */
export interface AttestationView {
  readonly attestation: Attestation;
  readonly tab: 'Synthèse' | 'Documents';
  readonly label: string;
  readonly given: boolean;
  /** The CG's « Conditions générales - Akto » link; null for the others. */
  readonly link: AttestationLink | null;
}

/** A cost line as entered, with its amounts formatted. */
export interface CostLineView {
  readonly costType: 'Coût';
  readonly nature: string | null;
  readonly unitAmount: AmountView | null;
  readonly quantity: number | null;
  /** Unit amount × quantity, once both are entered. */
  readonly lineTotal: AmountView | null;
}

/**
 * Everything one dossier screen shows, in one value (the portal's "Nouvelle demande FPE" page
 * and the dossier's consultation page): the tabs with their status and messages, each tab's
 * data, the Synthèse figures, the documents per type, the actions this actor may take now, and
 * the labels. Built by `service.view`; plain JSON-like data, ready to serialise.
 */
export interface DossierView {
  readonly dossierId: string;
  /** "Brouillon n° 10001" or "Dossier n° 2512AF000408". */
  readonly title: string;
  /** The number the lists show: the draft number, then the dossier number once transmitted. */
  readonly number: string;
  readonly draftNumber: number | null;
  readonly dossierNumber: string | null;
  readonly status: DossierStatus;
  /** "En cours de saisie", "Transmis", ... (the lists' Etat). */
  readonly statusLabel: string;
  /** the Dispositif as the portal writes it. */
  readonly cardType: { readonly code: string; readonly label: string } | null;
  readonly origin: DossierState['origin'];
  /** the provider who pre-filled it and whether the employer accepted it. */
  readonly presaisie: {
    readonly provider: { readonly name: string; readonly siren: string; readonly siret: string };
    readonly accepted: boolean;
  } | null;
  /** every tab valid, so "Transmettre" would go through. */
  readonly valid: boolean;
  /** Introduction (pré-saisie only), Employeur, Prestation, Synthèse, Documents. */
  readonly tabs: readonly TabView[];
  readonly employer: {
    /** from the INSEE base, read-only. */
    readonly establishment: EstablishmentSnapshot | null;
    readonly contactEmail: string | null;
  };
  readonly prestation: {
    readonly internalReference: string | null;
    readonly provider: ProviderSnapshot | null;
    readonly costLines: readonly CostLineView[];
    /** "Montant Total HT". */
    readonly totalHt: AmountView;
  };
  /** the Synthèse figures. */
  readonly synthesis: DossierSynthesis;
  /** Every attestation, with the tab that shows it. */
  readonly attestations: readonly AttestationView[];
  /** the comment for the case manager. */
  readonly comment: string | null;
  readonly documents: DocumentsView;
  /** what the case managers decided so far. */
  readonly instruction: {
    readonly amountAsked: AmountView | null;
    readonly amountGranted: AmountView | null;
    readonly amountPaid: AmountView | null;
    readonly complementsRequest: string | null;
    readonly refusalReason: string | null;
    readonly cancellationReason: string | null;
  };
  /** The buttons this actor may press now. */
  readonly actions: readonly DossierAction[];
  /** French labels of the fields, for a screen that builds its own form. */
  readonly fieldLabels: Readonly<Record<string, string>>;
}

/** What `dossierView` needs besides the state. */
export interface DossierViewContext {
  readonly actor: DossierActor;
  readonly attachments: readonly AttachmentScope[];
  readonly catalogue: Catalogue;
  /** The CG page the portal links to (default `GENERAL_CONDITIONS_LINK`). */
  readonly generalConditionsLink?: AttestationLink;
}

const amount = (cents: number | null): AmountView | null =>
  cents === null ? null : { cents, formatted: formatEuros(cents) };

const TAB_STATUS_LABELS = {
  valid: 'Onglet validé',
  invalid: 'Des données obligatoires sont absentes ou des règles de gestion non valides',
} as const;

/** Builds the screen of a dossier the actor may read (the caller checks that: `service.view` does). */
export function dossierView(state: DossierState, context: DossierViewContext): DossierView {
  const validation = validateDossier(state);
  const link = context.generalConditionsLink ?? GENERAL_CONDITIONS_LINK;
  const number = state.dossierNumber ?? String(state.draftNumber ?? '');
  return {
    dossierId: state.dossierId ?? '',
    title: state.dossierNumber
      ? `Dossier n° ${state.dossierNumber}`
      : `Brouillon n° ${state.draftNumber ?? ''}`,
    number,
    draftNumber: state.draftNumber,
    dossierNumber: state.dossierNumber,
    status: state.status,
    statusLabel: dossierStatusLabel(state),
    cardType: state.cardType ? { code: state.cardType.code, label: state.cardType.label } : null,
    origin: state.origin,
    presaisie: state.presaisieProvider
      ? {
          provider: {
            name: state.presaisieProvider.name,
            siren: state.presaisieProvider.siren,
            siret: state.presaisieProvider.siret,
          },
          accepted: state.presaisieAccepted,
        }
      : null,
    valid: validation.valid,
    tabs: validation.tabs.map((tab) => ({
      tab: tab.tab,
      status: tab.status,
      statusLabel: TAB_STATUS_LABELS[tab.status],
      messages: tab.messages.map((message) => ({ ...message, label: fieldLabel(message.field) })),
    })),
    employer: { establishment: state.establishment, contactEmail: state.contactEmail },
    prestation: {
      internalReference: state.internalReference,
      provider: state.provider,
      costLines: state.costLines.map((line) => ({
        costType: 'Coût',
        nature: line.nature,
        unitAmount: amount(line.unitAmountCents),
        quantity: line.quantity,
        lineTotal:
          line.unitAmountCents === null || line.quantity === null
            ? null
            : amount(line.unitAmountCents * line.quantity),
      })),
      totalHt: {
        cents: totalAmountCents(state.costLines),
        formatted: formatEuros(totalAmountCents(state.costLines)),
      },
    },
    synthesis: synthesisOf(state),
    attestations: ATTESTATIONS.map((attestation) => ({
      attestation,
      tab: ATTESTATION_TABS[attestation],
      label: ATTESTATION_LABELS[attestation],
      given: state.attestations[attestation],
      link: attestation === 'generalConditions' ? link : null,
    })),
    comment: state.comment,
    documents: documentsView(state, context.actor, context.attachments, context.catalogue),
    instruction: {
      amountAsked: amount(state.transmittedAmountCents),
      amountGranted: amount(state.amountGrantedCents),
      amountPaid: amount(state.amountPaidCents),
      complementsRequest: state.status === 'complementsRequested' ? state.complementsRequest : null,
      refusalReason: state.refusalReason,
      cancellationReason: state.cancellationReason,
    },
    actions: availableActions(context.actor, state, context.attachments, context.catalogue),
    fieldLabels: FIELD_LABELS,
  };
}
