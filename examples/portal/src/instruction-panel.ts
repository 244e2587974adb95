import type { DossierView } from '@cartes-badges/domain';
import type { Html } from './html';
import { commandIdField } from './form-controls';
import { html } from './html';

/** The instruction moves (R-35) and the adherent's answers, with the one field each needs. */
const MOVES: Readonly<Record<string, { readonly field?: readonly [string, string] }>> = {
  StartInstruction: {},
  RequestComplements: { field: ['message', 'Compléments demandés'] },
  SubmitComplement: { field: ['comment', 'Commentaires'] },
  GrantFunding: { field: ['montant', 'Montant accordé (en euros, par ex. 157,50)'] },
  RefuseFunding: { field: ['reason', 'Motif'] },
  RecordReimbursement: { field: ['montant', 'Montant remboursé (en euros)'] },
  CloseDossier: {},
  CancelDossier: { field: ['reason', 'Motif (facultatif)'] },
};

/** The moves of `MOVES` the portal sends through POST /dossiers/:id/instruction. */
export const INSTRUCTION_MOVES: readonly string[] = Object.keys(MOVES);

/** The name of the one input of a move's form (`montant`, `reason`…), if it has one. */
export const moveInputName = (type: string): string | undefined => MOVES[type]?.field?.[0];

/** A move refused for what was typed in its one field: the message goes beside that field. */
export interface MoveRefusal {
  readonly type: string;
  readonly message: string;
  readonly typed: string;
}

// The move's input, with what was typed and its error beside it when it was refused.
function moveInput(type: string, refused: MoveRefusal | undefined): Html {
  const field = MOVES[type].field;
  if (!field) return html``;
  const id = `f-${type}`;
  const failed = refused?.type === type ? refused : undefined;
  return html`<label for="${id}">${field[1]}</label>
    <input
      id="${id}"
      name="${field[0]}"
      ${failed ? html` value="${failed.typed}" aria-invalid="true" aria-describedby="e-${type}"` : null}
    />
    ${failed ? html`<span class="field-error" id="e-${type}" role="alert">${failed.message}</span>` : null} `;
}

/** What the case managers decided so far, and one small form per move this user may make now. */
export function instructionPanel(view: DossierView, refused?: MoveRefusal): Html {
  const i = view.instruction;
  const moves = view.actions.filter((a) => a.type in MOVES);
  const decided = [
    ['Montant demandé', i.amountAsked?.formatted],
    ['Montant accordé', i.amountGranted?.formatted],
    ['Montant remboursé', i.amountPaid?.formatted],
    ['Compléments demandés', i.complementsRequest],
    ['Motif du refus', i.refusalReason],
    ["Motif de l'annulation", i.cancellationReason],
  ].filter((pair): pair is [string, string] => typeof pair[1] === 'string');
  if (moves.length === 0 && decided.length === 0) return html``;
  return html`<section aria-labelledby="instruction-titre">
    <h2 id="instruction-titre">Instruction</h2>
    ${decided.length > 0
      ? html`<dl>
          ${decided.map(
            ([label, text]) =>
              html`<dt>${label}</dt>
                <dd>${text}</dd>`,
          )}
        </dl>`
      : null}
    ${moves.map(
      (move) =>
        html`<form method="post" action="/dossiers/${view.dossierId}/instruction">
          ${commandIdField()}
          <input type="hidden" name="type" value="${move.type}" />
          ${moveInput(move.type, refused)}<button type="submit">${move.label}</button>
        </form>`,
    )}
  </section>`;
}
