import type { DossierError, ListName, ListPage, ListRowView } from '@cartes-badges/domain';
import { defaultCatalogue, dossierStatusLabel, TRANSMITTED_STATUSES } from '@cartes-badges/domain';
import type { Html } from './html';
import { html } from './html';
import type { ListQueryString, QueryValue } from './list-query';
import { pageLink } from './list-query';
import type { SignedIn } from './session';

const TITLES: Record<ListName, string> = { brouillons: 'Brouillons', dossiers: 'Dossiers' };

// The states each list can show (R-25's Etat filter).
const STATES: Record<ListName, readonly string[]> = {
  brouillons: ['presaisie', 'draft'],
  dossiers: TRANSMITTED_STATUSES,
};

const stateLabel = (status: string): string =>
  dossierStatusLabel({ status: status as ListRowView['status'], removal: null });

// A field sent more than once shows what was sent (the page's message says why it is refused).
const shown = (value: QueryValue | undefined): string =>
  value === undefined ? '' : typeof value === 'string' ? value : value.join(', ');

const chosen = (value: QueryValue | undefined, option: string): boolean =>
  typeof value === 'string' ? value === option : value !== undefined && value.includes(option);

function textField(name: keyof ListQueryString, label: string, query: ListQueryString, type = 'text'): Html {
  return html`<div class="field">
    <label for="f-${name}">${label}</label>
    <input id="f-${name}" name="${name}" type="${type}" value="${shown(query[name])}" />
  </div>`;
}

function selectField(
  name: keyof ListQueryString,
  label: string,
  query: ListQueryString,
  options: readonly [string, string][],
): Html {
  return html`<div class="field">
    <label for="f-${name}">${label}</label>
    <select id="f-${name}" name="${name}">
      <option value="">Tous</option>
      ${options.map(
        ([value, text]) =>
          html`<option value="${value}" ${chosen(query[name], value) ? html` selected` : null}>
            ${text}
          </option>`,
      )}
    </select>
  </div>`;
}

function rowLinks(list: ListName, row: ListRowView): Html {
  const href = `/dossiers/${row.dossierId}`;
  const resume = row.actions.includes('resume');
  return html`<a href="${href}"
      >${resume ? 'Modifier' : 'Consulter'}<span class="visually-hidden"> le n° ${row.number}</span></a
    >${list === 'brouillons' && row.actions.includes('accept')
      ? html` ·
          <a href="${href}?onglet=Introduction"
            >Accepter ou refuser<span class="visually-hidden"> le n° ${row.number}</span></a
          >`
      : null}`;
}

/** The Brouillons or Dossiers page: simple and advanced search, 20 rows per page, a pager. */
export function listPage(
  list: ListName,
  who: SignedIn,
  query: ListQueryString,
  result: { readonly page?: ListPage; readonly error?: DossierError },
): Html {
  const base = `/${list}`;
  const page = result.page;
  return html`<h1>${TITLES[list]}</h1>
<search>
<form method="get" action="${base}" role="search" aria-label="Recherche simple">
<label for="f-recherche">Rechercher (numéro, dispositif, entreprise)</label>
<input id="f-recherche" name="recherche" type="search" value="${query.recherche ?? ''}">
<button type="submit">Rechercher</button>
</form>
<details${['numero', 'type', 'etat', 'siret', 'creeDu', 'creeAu', 'transmisDu', 'transmisAu'].some((k) => query[k as keyof ListQueryString]) ? html` open` : null}>
<summary>Recherche avancée</summary>
<form method="get" action="${base}" aria-label="Recherche avancée">
${textField('numero', 'Numéro', query)}
${selectField(
  'type',
  'Dispositif',
  query,
  defaultCatalogue.map((c) => [c.code, c.label]),
)}
${selectField(
  'etat',
  'Etat',
  query,
  STATES[list].map((s) => [s, stateLabel(s)]),
)}
${textField('siret', 'SIRET', query)}
${textField('creeDu', 'Créé à partir du', query, 'date')}
${textField('creeAu', "Créé jusqu'au", query, 'date')}
${list === 'dossiers' ? html`${textField('transmisDu', 'Transmis à partir du', query, 'date')}${textField('transmisAu', "Transmis jusqu'au", query, 'date')}` : null}
<button type="submit">Rechercher</button> <a href="${base}">Effacer les critères</a>
</form>
</details>
</search>
${result.error ? html`<p class="flash error" role="alert">${result.error.message}</p>` : null}
${page ? resultsTable(list, who, query, page) : null}`;
}

function resultsTable(list: ListName, who: SignedIn, query: ListQueryString, page: ListPage): Html {
  const base = `/${list}`;
  if (page.total === 0) return html`<p role="status">Aucun résultat.</p>`;
  return html`<p role="status">
      ${page.total} résultat${page.total > 1 ? 's' : ''} — page ${page.page} sur ${page.pages}
    </p>
    <table>
      <caption class="visually-hidden">
        ${TITLES[list]} de ${who.user.displayName}
      </caption>
      <thead>
        <tr>
          <th scope="col">Numéro</th>
          <th scope="col">Dispositif</th>
          <th scope="col">Entreprise</th>
          <th scope="col">Etat</th>
          <th scope="col">Montant total HT</th>
          ${list === 'brouillons' ? html`<th scope="col">Prestataire</th>` : null}
          <th scope="col">Actions</th>
        </tr>
      </thead>
      <tbody>
        ${page.rows.map(
          (row) =>
            html`<tr>
              <td>${row.number}</td>
              <td>${row.cardType.label}</td>
              <td>${row.company.name} (${row.company.siret})</td>
              <td>${row.state}</td>
              <td>${row.totalHt.formatted}</td>
              ${list === 'brouillons' ? html`<td>${row.provider?.name ?? ''}</td>` : null}
              <td>${rowLinks(list, row)}</td>
            </tr>`,
        )}
      </tbody>
    </table>
    <nav aria-label="Pages">
      ${page.page > 1
        ? html`<a href="${pageLink(base, query, page.page - 1)}" rel="prev">Page précédente</a>`
        : null}
      ${page.page < page.pages
        ? html` <a href="${pageLink(base, query, page.page + 1)}" rel="next">Page suivante</a>`
        : null}
    </nav>`;
}
