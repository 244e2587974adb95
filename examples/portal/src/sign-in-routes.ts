import type { FastifyInstance } from 'fastify';
import type { FormBody } from './form-payloads';
import { field } from './form-payloads';
import { radios } from './form-controls';
import { html } from './html';
import { redirectWithFlash } from './flash';
import { sendPage } from './respond';
import { PORTAL_USERS, roleLabel, setCookie, signedIn, USER_COOKIE, userById } from './session';

/** Where each role lands after signing in. */
const HOME = { adherent: '/brouillons', prestataire: '/brouillons', gestionnaire: '/dossiers' } as const;

/** « Se connecter en tant que »: the embedding's authentication stands here. */
export function signInRoutes(app: FastifyInstance): void {
  app.get('/', async (request, reply) => {
    const who = signedIn(request);
    return reply.redirect(who ? HOME[who.user.role] : '/connexion', 303);
  });

  app.get('/connexion', async (request, reply) =>
    sendPage(
      request,
      reply,
      'Se connecter en tant que',
      html`<h1>Se connecter en tant que</h1>
        <p>
          <strong>Démonstration :</strong> l'authentification appartient à l'application qui embarque la
          bibliothèque (son fournisseur d'identité, sa session). Ce portail laisse choisir un utilisateur de
          démonstration ; le serveur en déduit l'acteur de chaque commande.
        </p>
        <form method="post" action="/connexion">
          ${radios(
            'user',
            'Utilisateur',
            PORTAL_USERS.map((user) => [user.id, `${user.displayName} — ${roleLabel(user)}`]),
          )}
          <button type="submit">Se connecter</button>
        </form>`,
    ),
  );

  app.post('/connexion', async (request, reply) => {
    const user = userById(field((request.body ?? {}) as FormBody, 'user'));
    if (!user)
      return redirectWithFlash(reply, '/connexion', {
        kind: 'error',
        text: 'Choisissez un utilisateur de la liste',
      });
    setCookie(reply, USER_COOKIE, user.id);
    return reply.redirect(HOME[user.role], 303);
  });

  app.post('/deconnexion', async (_request, reply) => {
    setCookie(reply, USER_COOKIE, undefined);
    return reply.redirect('/connexion', 303);
  });
}
