import type { Flash } from './flash';
import type { Html } from './html';
import { html } from './html';
import type { SignedIn } from './session';
import { roleLabel } from './session';

/** What every page gives the shell. */
export interface PageParts {
  readonly title: string;
  readonly who?: SignedIn;
  readonly flash?: Flash;
  readonly body: Html;
}

// Kept small and in the page: a reference portal, not a design system. Focus stays visible
// (keyboard users), the bullets have a text beside their colour (never colour alone).
const STYLE = `
body { font-family: system-ui, sans-serif; margin: 0; color: #1b1b1b; line-height: 1.4; }
a { color: #0b4f9c; }
:focus-visible { outline: 3px solid #ffbf47; outline-offset: 2px; }
.skip { position: absolute; left: -9999px; } .skip:focus { left: 1rem; top: 1rem; background: #fff; }
header { background: #0b4f9c; color: #fff; padding: .5rem 1rem; display: flex; gap: 1.5rem; align-items: center; flex-wrap: wrap; }
header a, header button { color: #fff; }
header nav ul { list-style: none; display: flex; gap: 1rem; margin: 0; padding: 0; }
header form { margin-left: auto; }
header button { background: none; border: 1px solid #fff; padding: .25rem .5rem; cursor: pointer; }
main { padding: 1rem 2rem; max-width: 72rem; }
footer { padding: 1rem 2rem; color: #555; font-size: .9rem; border-top: 1px solid #ddd; }
table { border-collapse: collapse; width: 100%; } th, td { border: 1px solid #ccc; padding: .35rem .5rem; text-align: left; }
.flash { padding: .75rem 1rem; margin: 1rem 0; border-left: 6px solid; }
.flash.success { background: #e8f5e9; border-color: #2e7d32; } .flash.error { background: #fdecea; border-color: #c62828; }
.tabs { list-style: none; display: flex; gap: .25rem; padding: 0; flex-wrap: wrap; }
.tabs a { display: inline-block; padding: .4rem .8rem; border: 1px solid #ccc; border-bottom: none; text-decoration: none; }
.tabs a[aria-current="page"] { background: #0b4f9c; color: #fff; }
.bullet { display: inline-block; width: .8rem; height: .8rem; border-radius: 50%; margin-right: .35rem; vertical-align: middle; }
.bullet.valid { background: #2e7d32; } .bullet.invalid { background: #c62828; }
.messages, .field-error { color: #c62828; }
.progress.complete { color: #2e7d32; } .progress.incomplete { color: #c62828; }
fieldset { border: 1px solid #ccc; margin: 1rem 0; } label { display: inline-block; min-width: 14rem; }
.field { margin: .5rem 0; } .actions { display: flex; gap: .5rem; flex-wrap: wrap; margin: 1rem 0; }
button, input[type=submit] { padding: .35rem .8rem; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
`;

/** The page shell: skip link, banner with the navigation and the user, main, footer. */
export function layout(parts: PageParts): Html {
  const who = parts.who;
  return html`<!doctype html>
    <html lang="fr">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${parts.title} — Cartes et badges</title>
        <style>
          ${STYLE}
        </style>
      </head>
      <body>
        <a class="skip" href="#contenu">Aller au contenu</a>
        <header>
          <strong>Cartes et badges</strong>
          ${who
            ? html`<nav aria-label="Navigation principale">
                  <ul>
                    ${navigation(who)}
                  </ul>
                </nav>
                <span
                  >Connecté en tant que <strong>${who.user.displayName}</strong> (${roleLabel(
                    who.user,
                  )})</span
                >
                <form method="post" action="/deconnexion">
                  <button type="submit">Changer d'utilisateur</button>
                </form>`
            : null}
        </header>
        <main id="contenu" tabindex="-1">
          ${parts.flash
            ? html`<div
                class="flash ${parts.flash.kind}"
                role="${parts.flash.kind === 'error' ? 'alert' : 'status'}"
              >
                ${parts.flash.text}
              </div>`
            : null}
          ${parts.body}
        </main>
        <footer>
          Portail de démonstration de la bibliothèque cartes-badges. L'authentification appartient à
          l'application qui l'embarque : ici, on choisit simplement un utilisateur de démonstration.
        </footer>
      </body>
    </html>`;
}

function navigation(who: SignedIn): Html {
  const links: [string, string][] =
    who.user.role === 'gestionnaire'
      ? [['/dossiers', 'Dossiers']]
      : who.user.role === 'prestataire'
        ? [
            ['/brouillons', 'Brouillons'],
            ['/dossiers', 'Dossiers'],
            ['/pre-saisie', 'Nouvelle pré-saisie'],
            ['/notifications', 'Notifications'],
          ]
        : [
            ['/brouillons', 'Brouillons'],
            ['/dossiers', 'Dossiers'],
            ['/nouveau', 'Créer un nouveau dossier'],
          ];
  return html`${links.map(([href, label]) => html`<li><a href="${href}">${label}</a></li>`)}`;
}
