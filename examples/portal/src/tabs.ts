import type { DossierView, TabName, TabView } from '@cartes-badges/domain';
import type { Html } from './html';
import { html } from './html';
import { commandIdField, costLineCells } from './form-controls';

/** What the user typed, shown again when a save was refused (field name → value). */
export type Typed = Readonly<Record<string, string>>;

const editable = (view: DossierView): boolean => view.actions.some((a) => a.type === 'SaveDraft');

const value = (typed: Typed, name: string, stored: string | number | null | undefined): string =>
  typed[name] ?? (stored === null || stored === undefined ? '' : String(stored));

function input(name: string, label: string, current: string, view: DossierView, hint?: string): Html {
  return html`<div class="field">
    <label for="f-${name}">${label}</label>
    <input
      id="f-${name}"
      name="${name}"
      value="${current}"
      ${editable(view) ? null : html` readonly`}${hint ? html` aria-describedby="h-${name}"` : null}
    />${hint ? html` <span id="h-${name}">${hint}</span>` : null}
  </div>`;
}

/** The tab's bullet and its messages (R-09), read by screen readers as text. */
export function tabStatus(tab: TabView): Html {
  return html`<p>
      <span class="bullet ${tab.status}" aria-hidden="true"></span><strong>${tab.statusLabel}</strong>
    </p>
    ${tab.messages.length > 0
      ? html`<ul class="messages">
          ${tab.messages.map((m) => html`<li>${m.label} : ${m.message}</li>`)}
        </ul>`
      : null}`;
}

function introduction(view: DossierView): Html {
  const p = view.presaisie;
  if (!p) return html`<p>Ce dossier n'est pas une pré-saisie.</p>`;
  return html`<p>
      Pré-saisie du prestataire <strong>${p.provider.name}</strong> (SIRET ${p.provider.siret}) pour
      ${view.employer.establishment?.name ?? ''}.
    </p>
    <p>
      ${p.accepted
        ? 'Vous avez accepté cette pré-saisie.'
        : 'Vérifiez les informations saisies par le prestataire, puis acceptez ou refusez la pré-saisie.'}
    </p>
    <dl>
      <dt>Dispositif</dt>
      <dd>${view.cardType?.label ?? ''}</dd>
      <dt>Email de contact</dt>
      <dd>${view.employer.contactEmail ?? '—'}</dd>
      <dt>Montant total HT</dt>
      <dd>${view.prestation.totalHt.formatted}</dd>
      <dt>Commentaires</dt>
      <dd>${view.comment ?? '—'}</dd>
    </dl>
    ${view.actions.some((a) => a.type === 'AcceptPresaisie')
      ? html`<form method="post" action="/dossiers/${view.dossierId}/accepter">
          ${commandIdField()}
          <button type="submit">Accepter</button>
        </form>`
      : null}
    ${view.actions.some((a) => a.type === 'RefusePresaisie')
      ? html`<form method="post" action="/dossiers/${view.dossierId}/refuser">
          ${commandIdField()}
          <div class="field">
            <label for="f-motif">Motif du refus (facultatif)</label><input id="f-motif" name="motif" />
          </div>
          <button type="submit">Refuser</button>
        </form>`
      : null}`;
}

function employeur(view: DossierView, typed: Typed): Html {
  const e = view.employer.establishment;
  return html`${e
    ? html`<dl>
        <dt>Nom et Prénom ou dénomination</dt>
        <dd>${e.name}</dd>
        <dt>SIRET</dt>
        <dd>${e.siret}</dd>
        <dt>Adresse</dt>
        <dd>${e.address.street}, ${e.address.postalCode} ${e.address.city}</dd>
        <dt>IDCC</dt>
        <dd>${e.idcc}</dd>
        <dt>Type de public</dt>
        <dd>${e.publicType}</dd>
      </dl>`
    : null}
  ${input('contactEmail', 'Email de contact', value(typed, 'contactEmail', view.employer.contactEmail), view)}`;
}

// Without JavaScript there is no "add a line" button: the form shows the lines entered and
// empty ones up to three more (a blank line is not sent); R-13 allows 10 lines.
const EXTRA_LINES = 3;
const MAX_LINES = 10;

function prestation(view: DossierView, typed: Typed): Html {
  const p = view.prestation;
  const lines = p.costLines.length + EXTRA_LINES > MAX_LINES ? MAX_LINES : p.costLines.length + EXTRA_LINES;
  return html`${input(
      'providerSearch',
      'Rechercher prestataire (SIREN ou SIRET)',
      value(typed, 'providerSearch', null),
      view,
    )}
    ${p.provider
      ? html`<p>Prestataire : <strong>${p.provider.name}</strong> (SIRET ${p.provider.siret})</p>`
      : html`<p>Aucun prestataire choisi.</p>`}
    ${input(
      'internalReference',
      "Référence interne de l'entreprise",
      value(typed, 'internalReference', p.internalReference),
      view,
      '15 caractères au plus',
    )}
    <table>
      <caption>
        Coûts de formation
      </caption>
      <thead>
        <tr>
          <th scope="col">Ligne</th>
          <th scope="col">Type de coût</th>
          <th scope="col">Nature</th>
          <th scope="col">Montant unitaire HT</th>
          <th scope="col">Quantité</th>
          <th scope="col">Total</th>
        </tr>
      </thead>
      <tbody>
        ${Array.from({ length: lines }, (_, i) => {
          const line = p.costLines[i];
          const n = i + 1;
          return html`<tr>
            <th scope="row">${n}</th>
            <td>Coût</td>
            ${costLineCells(n, {
              nature: typed[`nature-${n}`] ?? line?.nature ?? null,
              amount: typed[`montant-${n}`] ?? line?.unitAmount?.formatted.replace(/\s*€$/, '') ?? '',
              quantity: value(typed, `quantite-${n}`, line?.quantity),
            })}
            <td>${line?.lineTotal?.formatted ?? ''}</td>
          </tr>`;
        })}
      </tbody>
    </table>
    <p>Montant Total HT : <strong>${p.totalHt.formatted}</strong></p>`;
}

function attestationBoxes(view: DossierView, tab: 'Synthèse' | 'Documents'): Html {
  return html`${view.attestations
    .filter((a) => a.tab === tab)
    .map(
      (a) =>
        html`<div class="field">
          <input
            type="checkbox"
            id="f-att-${a.attestation}"
            name="att-${a.attestation}"
            value="oui"
            ${a.given ? html` checked` : null}${editable(view) ? null : html` disabled`}
          />
          <label for="f-att-${a.attestation}"
            >${a.link
              ? html`${a.label.replace(`« ${a.link.text} »`, '')}<a href="${a.link.url}"
                    >« ${a.link.text} »</a
                  >`
              : a.label}
            *</label
          >
        </div>`,
    )}`;
}

function synthese(view: DossierView, typed: Typed): Html {
  const s = view.synthesis;
  return html`<dl>
      <dt>Employeur</dt>
      <dd>${s.employer ? `${s.employer.name} (SIRET ${s.employer.siret}), ${s.employer.address}` : '—'}</dd>
      <dt>Prestataire</dt>
      <dd>${s.provider ? `${s.provider.name} (SIRET ${s.provider.siret})` : '—'}</dd>
      <dt>Type de badge/cartes</dt>
      <dd>${s.cardType ?? '—'}</dd>
      <dt>Nombre de badge/carte</dt>
      <dd>${s.cardCount}</dd>
      <dt>Coût unitaire badge/carte</dt>
      <dd>${s.unitCosts.join(', ') || '—'}</dd>
      <dt>Coût total</dt>
      <dd>${s.totalAmount}</dd>
    </dl>
    ${attestationBoxes(view, 'Synthèse')}
    <div class="field">
      <label for="f-comment">Commentaires</label
      ><textarea id="f-comment" name="comment" rows="3" cols="60" ${editable(view) ? null : html` readonly`}>
${value(typed, 'comment', view.comment)}</textarea
      >
    </div>`;
}

/** The Documents tab's attestation (part of the tab's save form). */
export const documentsForm = (view: DossierView): Html => attestationBoxes(view, 'Documents');

/** The fields of a tab's form (Documents: see documents-tab.ts, its files are separate forms). */
export function tabFields(tab: TabName, view: DossierView, typed: Typed): Html {
  switch (tab) {
    case 'Introduction':
      return introduction(view);
    case 'Employeur':
      return employeur(view, typed);
    case 'Prestation':
      return prestation(view, typed);
    case 'Synthèse':
      return synthese(view, typed);
    case 'Documents':
      return documentsForm(view);
  }
}
