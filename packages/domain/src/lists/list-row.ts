import type { DossierStatus } from '../dossier/state';

/** Which list a row belongs to (the portal's two tabs). */
export type ListName = 'brouillons' | 'dossiers';

/**
 * One dossier as a list keeps it: plain JSON-like values, so that a SQL read model stores it as
 * one table row. Labels that depend on the viewer (actions) are computed at query time.
 */
export interface ListRow {
  readonly dossierId: string;
  /** Shown in the list: the draft number, then the dossier number once transmitted. */
  readonly number: string;
  /** `number` padded to 12 characters: sorts draft and dossier numbers as text. */
  readonly numberKey: string;
  readonly draftNumber: number;
  readonly dossierNumber: string | null;
  readonly cardTypeCode: string;
  /** "Dispositif". */
  readonly cardTypeLabel: string;
  /** "Entreprise": the employer establishment. */
  readonly companyName: string;
  readonly siret: string;
  readonly siren: string;
  readonly status: DossierStatus;
  /** Why a removed dossier left the drafts list. */
  readonly removal: 'deleted' | 'presaisieRefused' | null;
  /** the provider who submitted the pré-saisie (null for the employer's own drafts). */
  readonly providerSiren: string | null;
  readonly providerSiret: string | null;
  readonly providerName: string | null;
  readonly presaisieAccepted: boolean;
  /** ISO-8601 instants of the business facts. */
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly transmittedAt: string | null;
  /** total HT in cents (frozen at transmission). */
  readonly totalCents: number;
  /** Whether the row shows in its list (a projection may keep rows it does not show yet). */
  readonly listed: boolean;
  /** Normalised number, card type and company, for the simple search. */
  readonly searchKey: string;
}

/** The dossier id of a dossier stream (`dossier-<uuid>`). */
export function dossierIdOfStream(streamId: string): string {
  return streamId.slice('dossier-'.length);
}

/** Pads a displayed number so that text order is number order. */
export function numberKeyOf(number: string): string {
  return number.padStart(12, '0');
}
