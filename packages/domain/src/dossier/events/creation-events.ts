import * as t from 'io-ts';
import { Email } from '../../identifiers';
import { Erased } from './erasure-events';
import {
  EstablishmentData as EstablishmentSnapshot,
  ProviderData as ProviderSnapshot,
} from './reference-data';
import { Comment, InternalReference, Uuid } from '../fields';
import { CardTypeSnapshot } from './card-type-snapshot';
import { CostLine } from './cost-line';

/** an employer created a draft; the establishment (INSEE) is kept as a snapshot. */
export const DraftCreated = t.type(
  {
    type: t.literal('DraftCreated'),
    data: t.type({
      dossierId: Uuid,
      draftNumber: t.Int,
      establishment: EstablishmentSnapshot,
      cardType: CardTypeSnapshot,
    }),
  },
  'DraftCreated',
);
/** a draft was created by the employer. */
export type DraftCreated = t.TypeOf<typeof DraftCreated>;

/** a provider started a draft for an employer establishment; read-only until accepted. */
export const PresaisieSubmitted = t.type(
  {
    type: t.literal('PresaisieSubmitted'),
    data: t.type({
      dossierId: Uuid,
      draftNumber: t.Int,
      establishment: EstablishmentSnapshot,
      cardType: CardTypeSnapshot,
      /** The submitting provider (SIRENE snapshot), also the dossier's provider. */
      provider: ProviderSnapshot,
      contactEmail: t.union([Email, Erased, t.null]),
      costLines: t.array(CostLine),
      comment: Comment,
    }),
  },
  'PresaisieSubmitted',
);
/** a provider submitted a pré-saisie. */
export type PresaisieSubmitted = t.TypeOf<typeof PresaisieSubmitted>;

/** a new draft copied from another one (same employer, entered data; no attestations, no documents). */
export const DraftDuplicated = t.type(
  {
    type: t.literal('DraftDuplicated'),
    data: t.type({
      dossierId: Uuid,
      draftNumber: t.Int,
      sourceDossierId: Uuid,
      sourceDraftNumber: t.Int,
      establishment: EstablishmentSnapshot,
      cardType: CardTypeSnapshot,
      contactEmail: t.union([Email, Erased, t.null]),
      internalReference: InternalReference,
      provider: t.union([ProviderSnapshot, t.null]),
      costLines: t.array(CostLine),
      comment: Comment,
    }),
  },
  'DraftDuplicated',
);
/** a draft duplicated from another. */
export type DraftDuplicated = t.TypeOf<typeof DraftDuplicated>;
