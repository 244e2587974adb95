import * as t from 'io-ts';
import { LineQuantity, UnitAmountCents } from '../fields';

/** the only nature of cost the portal offers (type of cost "Coût"). */
export const COST_NATURE = 'Achat Matériel';

/** A cost line as entered: each field may still be empty (then "Saisie obligatoire"). */
export const CostLine = t.type(
  {
    nature: t.union([t.literal(COST_NATURE), t.null]),
    unitAmountCents: UnitAmountCents,
    quantity: LineQuantity,
  },
  'CostLine',
);
/** A cost line as entered. */
export type CostLine = t.TypeOf<typeof CostLine>;
