import type { CostLine } from './events';

/**
 * total HT in cents = Σ unit amount × quantity over the lines whose amount and quantity
 * are both entered. Exact: the command format bounds (fields.ts) keep every product and sum
 * far below 2^53, so integer arithmetic on numbers never rounds.
 */
export function totalAmountCents(lines: readonly CostLine[]): number {
  let total = 0;
  for (const line of lines) {
    if (line.unitAmountCents !== null && line.quantity !== null)
      total += line.unitAmountCents * line.quantity;
  }
  return total;
}
