import * as t from 'io-ts';
import { dossierNumberPattern } from '../numbering/dossier-number';

/**
 * a dossier number, `YYMM` + `AF` + 6 digits (e.g. 2512AF000408), its month a real one:
 * the numbering's own pattern, so that what a caller checks a number with is what is given.
 */
export const DOSSIER_NUMBER_PATTERN = dossierNumberPattern;

/** the employer transmitted the dossier; it gets its number and the state Transmis. */
export const Transmitted = t.type(
  {
    type: t.literal('Transmitted'),
    data: t.type({
      dossierNumber: t.string,
      /** total HT asked, in cents, as it was at transmission. */
      totalAmountCents: t.number,
    }),
  },
  'Transmitted',
);
/** The dossier was transmitted. */
export type Transmitted = t.TypeOf<typeof Transmitted>;
