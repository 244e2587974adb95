import { formatEuros } from '../money';
import type { DossierState } from './state';
import { dossierStatusLabel } from './state';
import { totalAmountCents } from './totals';

/** what the Synthèse tab shows: the main data and the total cost. */
export interface DossierSynthesis {
  readonly employer: {
    readonly name: string;
    readonly siret: string;
    readonly idcc: string;
    readonly address: string;
  } | null;
  readonly provider: { readonly name: string; readonly siret: string } | null;
  readonly cardType: string | null;
  /** "Nombre de badge/carte": the sum of the quantities entered. */
  readonly cardCount: number;
  /** "Coût unitaire badge/carte" of each line, formatted. */
  readonly unitCosts: readonly string[];
  readonly totalAmountCents: number;
  /** "Coût total", French format. */
  readonly totalAmount: string;
  readonly status: string;
}

/** the Synthèse tab of a dossier. */
export function synthesisOf(state: DossierState): DossierSynthesis {
  const e = state.establishment;
  const total = totalAmountCents(state.costLines);
  return {
    employer: e
      ? {
          name: e.name,
          siret: e.siret,
          idcc: e.idcc,
          address: [e.address.street, e.address.complement, `${e.address.postalCode} ${e.address.city}`]
            .filter((part) => part !== undefined && part !== '')
            .join(', '),
        }
      : null,
    provider: state.provider ? { name: state.provider.name, siret: state.provider.siret } : null,
    cardType: state.cardType?.label ?? null,
    cardCount: state.costLines.reduce((sum, line) => sum + (line.quantity ?? 0), 0),
    unitCosts: state.costLines
      .filter((l) => l.unitAmountCents !== null)
      .map((l) => formatEuros(l.unitAmountCents ?? 0)),
    totalAmountCents: total,
    totalAmount: formatEuros(total),
    status: dossierStatusLabel(state),
  };
}
