import * as t from 'io-ts';
import { ERASED_TEXT } from '@cartes-badges/eventsourcing';
import { Reason } from '../fields';

/** What an erased personal value reads as, everywhere (events, state, lists, history, exports). */
export const Erased = t.literal(ERASED_TEXT);
/** The erased mark. */
export type Erased = t.TypeOf<typeof Erased>;

/**
 * The personal data of the dossier was erased (crypto-shredding: its key is destroyed right
 * after this event is recorded). Who and when are the event's actor and occurredAt; the reason
 * and the policy applied are here. Not personal itself: it must stay readable after the erasure.
 */
export const PersonalDataErased = t.type(
  {
    type: t.literal('PersonalDataErased'),
    data: t.type({
      reason: Reason,
      /** The personal fields erased, as `EventType.path` (DOSSIER_PERSONAL_FIELDS at that moment). */
      fields: t.array(t.string),
      /** The retention period in force, in days. */
      retentionDays: t.number,
      /** True when erased before the end of the retention period, as the embedding's policy allows. */
      forced: t.boolean,
    }),
  },
  'PersonalDataErased',
);
/** The dossier's personal data was erased. */
export type PersonalDataErased = t.TypeOf<typeof PersonalDataErased>;
