import { randomUUID } from 'node:crypto';
import type { Html } from './html';
import { html } from './html';

/** A group of radio buttons with its legend, the first one checked (keyboard: arrows move). */
export function radios(name: string, legend: string, options: readonly [string, string][]): Html {
  return html`<fieldset>
    <legend>${legend}</legend>
    ${options.map(
      ([value, label], i) =>
        html`<div class="field">
          <input
            type="radio"
            name="${name}"
            id="c-${name}-${i}"
            value="${value}"
            ${i === 0 ? html` checked` : null}
          />
          <label for="c-${name}-${i}">${label}</label>
        </div>`,
    )}
  </fieldset>`;
}

/** What a cost line's inputs show: as typed, or as stored. */
export interface CostLineValues {
  readonly nature: string | null;
  readonly amount: string;
  readonly quantity: string;
}

/**
 * The three inputs of cost line `n` (Nature, Montant unitaire HT, Quantité), each labelled
 * "Ligne n : …" for screen readers, named as form-payloads.ts reads them back.
 */
export function costLineCells(n: number, values: CostLineValues): Html {
  return html`<td>
      <label class="visually-hidden" for="f-nature-${n}">Ligne ${n} : Nature</label
      ><select id="f-nature-${n}" name="nature-${n}">
        <option value="">—</option>
        <option value="Achat Matériel" ${values.nature === 'Achat Matériel' ? html` selected` : null}>
          Achat Matériel
        </option>
      </select>
    </td>
    <td>
      <label class="visually-hidden" for="f-montant-${n}">Ligne ${n} : Montant unitaire HT</label
      ><input id="f-montant-${n}" name="montant-${n}" inputmode="decimal" value="${values.amount}" />
    </td>
    <td>
      <label class="visually-hidden" for="f-quantite-${n}">Ligne ${n} : Quantité</label
      ><input id="f-quantite-${n}" name="quantite-${n}" inputmode="numeric" value="${values.quantity}" />
    </td>`;
}

/**
 * R-36: the command id of the form, chosen when the page is drawn: the same form sent twice
 * (a double click, a reload after a lost answer) is the same command, applied once, and the
 * second answer is the first one again (for a creation, the same draft).
 */
export const commandIdField = (): Html =>
  html`<input type="hidden" name="commandId" value="${randomUUID()}" />`;
