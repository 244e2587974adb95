import type { DossierError, DossierView, TabName } from '@cartes-badges/domain';
import { fieldLabel } from '@cartes-badges/domain';
import { documentsTab } from './documents-tab';
import type { Html } from './html';
import { commandIdField } from './form-controls';
import { html } from './html';
import type { MoveRefusal } from './instruction-panel';
import { instructionPanel } from './instruction-panel';
import type { SignedIn } from './session';
import type { Typed } from './tabs';
import { tabFields, tabStatus } from './tabs';

const has = (view: DossierView, type: string): boolean => view.actions.some((a) => a.type === type);

/** The tab to show: the one asked for if the dossier has it, else its first (Introduction for a pré-saisie). */
export function chosenTab(view: DossierView, asked: string | undefined): TabName {
  return view.tabs.find((t) => t.tab === asked)?.tab ?? view.tabs[0].tab;
}

function refusal(error: DossierError): Html {
  return html`<div class="flash error" role="alert">
    <p><strong>${error.message}</strong></p>
    ${error.code === 'INVALID_INPUT' && error.invalidTabs.length > 0
      ? html`<ul>
          ${error.invalidTabs.map(
            (tab) =>
              html`<li>
                ${tab.tab}${tab.messages.length > 0
                  ? html` : ${tab.messages.map((m) => `${fieldLabel(m.field)} : ${m.message}`).join(' ; ')}`
                  : null}
              </li>`,
          )}
        </ul>`
      : null}${error.code === 'FORMAT' && error.problems.length > 1
      ? html`<ul>
          ${error.problems.map((p) => html`<li>${p.message}</li>`)}
        </ul>`
      : null}
  </div>`;
}

/**
 * A dossier's page as `service.view` describes it: title and state, the tabs with their bullets
 * (R-09), the chosen tab's form and messages, then the buttons this user may press now.
 */
export function dossierPage(
  view: DossierView,
  who: SignedIn,
  tab: TabName,
  options: { readonly error?: DossierError; readonly typed?: Typed; readonly refusedMove?: MoveRefusal } = {},
): Html {
  const current = view.tabs.find((t) => t.tab === tab) ?? view.tabs[0];
  const saving = has(view, 'SaveDraft') && tab !== 'Introduction';
  const base = `/dossiers/${view.dossierId}`;
  return html`<h1>${view.title}</h1>
    <p>
      Etat : <strong id="etat">${view.statusLabel}</strong> · Dispositif :
      ${view.cardType?.label ?? '—'}${view.presaisie
        ? html` · Pré-saisie de ${view.presaisie.provider.name}`
        : null}
    </p>
    ${options.error ? refusal(options.error) : null}
    <nav aria-label="Onglets du dossier">
      <ul class="tabs">
        ${view.tabs.map(
          (t) =>
            html`<li>
              <a
                href="${base}?onglet=${encodeURIComponent(t.tab)}"
                ${t.tab === current.tab ? html` aria-current="page"` : null}
                ><span class="bullet ${t.status}" aria-hidden="true"></span>${t.tab}<span
                  class="visually-hidden"
                >
                  (${t.statusLabel})</span
                ></a
              >
            </li>`,
        )}
      </ul>
    </nav>
    <section aria-labelledby="onglet-titre">
      <h2 id="onglet-titre">${current.tab}</h2>
      ${tabStatus(current)}
      ${saving
        ? html`<form method="post" action="${base}/enregistrer">
            ${commandIdField()}
            <input type="hidden" name="onglet" value="${current.tab}" />
            ${tabFields(current.tab, view, options.typed ?? {})}
            <button type="submit">Enregistrer</button>
          </form>`
        : current.tab === 'Documents'
          ? null
          : tabFields(current.tab, view, options.typed ?? {})}
      ${current.tab === 'Documents' ? documentsTab(view) : null}
    </section>
    <div class="actions">
      ${has(view, 'TransmitDossier')
        ? html`<form method="post" action="${base}/transmettre">
            ${commandIdField()}
            <button type="submit">Transmettre</button>
          </form>`
        : null}
      ${has(view, 'DuplicateDraft')
        ? html`<form method="post" action="${base}/dupliquer">
            ${commandIdField()}<button type="submit">Dupliquer</button>
          </form>`
        : null}
      ${has(view, 'DeleteDraft') ? html`<a href="${base}/supprimer">Supprimer</a>` : null}
      ${who.user.role === 'gestionnaire'
        ? html`<a href="${base}/historique">Historique (auditeur)</a>`
        : null}
    </div>
    ${instructionPanel(view, options.refusedMove)}`;
}
