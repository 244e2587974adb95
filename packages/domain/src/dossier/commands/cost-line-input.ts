import * as E from 'fp-ts/Either';
import * as t from 'io-ts';
import { FieldCodec, knownFieldsOnly, problem } from '../../identifiers';
import { formatEuros, parseEuros } from '../../money';
import { COST_NATURE, type CostLine } from '../events/cost-line';
import { LineQuantity, MAX_UNIT_AMOUNT_FORMAT_CENTS, UnitAmountCents } from '../fields';

/**
 * The unit amount HT as a person types it in the portal ("52,50", "1 234,56 €", "12.000,00"),
 * read exactly into cents by `parseEuros`; empty means not entered yet (null).
 */
export const TypedUnitAmount = new FieldCodec<number | null, string | null>(
  'TypedUnitAmount',
  (u) => {
    if (u === null || u === undefined || (typeof u === 'string' && u.trim() === '')) return E.right(null);
    const parsed = parseEuros(u as string, 'unitAmount');
    if (E.isLeft(parsed)) return problem(parsed.left.code, parsed.left.message);
    if (parsed.right > MAX_UNIT_AMOUNT_FORMAT_CENTS) {
      return problem(
        'AMOUNT_TOO_LARGE',
        `Le montant ${String(u).trim()} dépasse ${formatEuros(MAX_UNIT_AMOUNT_FORMAT_CENTS)}`,
      );
    }
    return E.right(parsed.right);
  },
  (cents) => (cents === null ? null : formatEuros(cents)),
);

// a field a cost line does not have (`quantite`) is refused by name, not dropped.
const CostLineFields = knownFieldsOnly(
  t.intersection([
    t.type({ nature: t.union([t.literal(COST_NATURE), t.null]), quantity: LineQuantity }),
    t.partial({ unitAmountCents: UnitAmountCents, unitAmount: TypedUnitAmount }),
  ]),
  'CostLine',
);

/**
 * A cost line in a command: the unit amount either in cents (`unitAmountCents: 5250`) or as
 * typed (`unitAmount: "52,50"`), not both; a parse error names `unitAmount`. Decodes to the
 * `CostLine` the events store (cents only).
 */
export const CostLineInput = new t.Type<CostLine, CostLine, unknown>(
  'CostLineInput',
  (u): u is CostLine =>
    CostLineFields.is(u) && !('unitAmount' in (u as object)) && 'unitAmountCents' in (u as object),
  (u, c) => {
    // Through a context entry of its own (key ''), so that error paths stay `costLines.0.quantity`.
    const decoded = CostLineFields.validate(u, t.appendContext(c, '', CostLineFields, u));
    if (E.isLeft(decoded)) return decoded;
    const { nature, quantity, unitAmountCents, unitAmount } = decoded.right;
    const hasCents = unitAmountCents !== undefined && unitAmountCents !== null;
    const hasText = unitAmount !== undefined && unitAmount !== null;
    if (hasCents && hasText && unitAmountCents !== unitAmount) {
      const where = t.appendContext(
        c,
        'unitAmount',
        TypedUnitAmount,
        (u as { unitAmount: unknown }).unitAmount,
      );
      // The failure's value is the typed amount, as its context says: given the whole line, the
      // reporter asked TypedUnitAmount about an object and told "Le montant doit être saisi en
      // euros" instead of this message.
      return t.failure(
        (u as { unitAmount: unknown }).unitAmount,
        where,
        'Montant HT donné deux fois (unitAmountCents et unitAmount) avec des valeurs différentes : gardez-en un',
      );
    }
    return t.success({
      nature,
      unitAmountCents: hasCents ? unitAmountCents : (unitAmount ?? null),
      quantity,
    });
  },
  t.identity,
);
