import type { DossierView } from '@cartes-badges/domain';
import { commandIdField } from './form-controls';
import type { Html } from './html';
import { html } from './html';

const kilobytes = (size: number): string => `${Math.max(1, Math.round(size / 1024))} Ko`;

/**
 * R-18..R-22: the "X/Y types de documents obligatoires à transmettre" line, each document type
 * with its files (download, remove when allowed) and an upload form while there is room.
 * Uploads are multipart forms: no JavaScript needed.
 */
export function documentsTab(view: DossierView): Html {
  const docs = view.documents;
  const mayAttach = view.actions.some((a) => a.type === 'AttachDocument');
  return html`<p
      class="progress ${docs.progress.complete ? 'complete' : 'incomplete'}"
      id="documents-progress"
    >
      ${docs.progress.label}
    </p>
    <p>${docs.fileRules.label}</p>
    ${docs.types.map((type, i) => {
      const id = `type-${i}`;
      return html`<section aria-labelledby="${id}">
        <h3 id="${id}">${type.documentType}${type.required ? ' *' : ''}</h3>
        <p>${type.filesLabel}</p>
        ${type.files.length > 0
          ? html`<ul>
              ${type.files.map(
                (file) =>
                  html`<li>
                    <a href="/dossiers/${view.dossierId}/documents/${file.documentId}" download
                      >${file.name}</a
                    >
                    (${kilobytes(file.size)})${file.attachedAfterTransmission
                      ? ' — ajouté après la transmission'
                      : ''}${file.removable
                      ? html` <form
                          method="post"
                          action="/dossiers/${view.dossierId}/documents/${file.documentId}/supprimer"
                          style="display:inline"
                        >
                          ${commandIdField()}
                          <button type="submit">
                            Supprimer<span class="visually-hidden"> ${file.name}</span>
                          </button>
                        </form>`
                      : null}
                  </li>`,
              )}
            </ul>`
          : null}
        ${mayAttach && !type.full
          ? html`<form
              method="post"
              action="/dossiers/${view.dossierId}/documents"
              enctype="multipart/form-data"
            >
              ${commandIdField()}
              <input type="hidden" name="documentType" value="${type.documentType}" />
              <label for="f-file-${i}">Ajouter un fichier : ${type.documentType}</label>
              <input
                type="file"
                id="f-file-${i}"
                name="fichier"
                accept="${docs.fileRules.formats.map((f) => `.${f}`).join(',')}"
                required
              />
              <button type="submit">Charger<span class="visually-hidden"> ${type.documentType}</span></button>
            </form>`
          : null}
      </section>`;
    })}`;
}
