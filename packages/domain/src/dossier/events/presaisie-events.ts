import * as t from 'io-ts';
import { OptionalReason } from '../fields';

/** the employer accepted a provider's pré-saisie; it becomes an ordinary draft. */
export const PresaisieAccepted = t.type(
  { type: t.literal('PresaisieAccepted'), data: t.type({}) },
  'PresaisieAccepted',
);
/** The employer accepted the pré-saisie. */
export type PresaisieAccepted = t.TypeOf<typeof PresaisieAccepted>;

/**
 * the employer refused a pré-saisie (before or after accepting it): it leaves the
 * drafts list and the provider is to be notified, hence its SIREN in the event.
 */
export const PresaisieRefused = t.type(
  {
    type: t.literal('PresaisieRefused'),
    data: t.type({
      providerSiren: t.string,
      reason: OptionalReason,
      afterAcceptance: t.boolean,
    }),
  },
  'PresaisieRefused',
);
/** The employer refused the pré-saisie. */
export type PresaisieRefused = t.TypeOf<typeof PresaisieRefused>;

/** the employer deleted a draft; it leaves the drafts list. */
export const DraftDeleted = t.type({ type: t.literal('DraftDeleted'), data: t.type({}) }, 'DraftDeleted');
/** A draft was deleted. */
export type DraftDeleted = t.TypeOf<typeof DraftDeleted>;
