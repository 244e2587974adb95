// A clumsy or hostile browser: a cookie edited by hand, a search form's field sent twice, a
// page number in words, a day that does not exist. Each gets a page that says what is wrong
// (or the sign-in page), never a raw 500 and never a list silently unfiltered.
import { FIXTURE_USERS } from '@cartes-badges/domain/fixtures';
import type { PortalOverHttp } from '../test/portal-over-http';
import { draftOf, presaisieOf, startPortalOverHttp } from '../test/portal-over-http';
import { USER_COOKIE } from './session';

const { claire } = FIXTURE_USERS;
const flashOf = (body: string): string | undefined =>
  /<p class="flash error" role="alert">([^<]*)<\/p>/.exec(body)?.[1];
const rowsOf = (body: string): number => (body.match(/<tr>\s*<td/g) ?? []).length;

describe('the portal under hostile requests', () => {
  let t: PortalOverHttp;
  beforeEach(async () => {
    t = await startPortalOverHttp();
  });
  afterEach(async () => t.close());

  const getWithCookie = (url: string, cookie: string) =>
    t.portal.app.inject({ method: 'GET', url, headers: { cookie } });

  it.each([
    ['a lone %', '%'],
    ['a cut UTF-8 sequence', '%E0%A4%A'],
  ])(
    'a user cookie that is not percent-encoded (%s) signs nobody in: the sign-in page, not a 500',
    async (_why, value) => {
      const answer = await getWithCookie('/brouillons', `${USER_COOKIE}=${value}`);
      expect([answer.statusCode, answer.headers.location]).toEqual([303, '/connexion']);
      const signIn = await getWithCookie('/connexion', `${USER_COOKIE}=${value}`);
      expect(signIn.statusCode).toBe(200);
      expect(signIn.body).toContain('Se connecter en tant que');
    },
  );

  it('a message cookie edited by hand is no message, and the page shows', async () => {
    const answer = await getWithCookie('/brouillons', `${USER_COOKIE}=${claire.id}; portal-flash=%E0%A4%A`);
    expect(answer.statusCode).toBe(200);
    expect(flashOf(answer.body)).toBeUndefined();
    expect(answer.body).toContain('<h1>Brouillons</h1>');
  });

  it('R-25 R-43 a search field sent twice is refused naming it, not ignored (the list is not shown unfiltered)', async () => {
    const answer = await t.get(claire, '/brouillons?siret=12345678901234&siret=98765432109876');
    expect(answer.status).toBe(400);
    expect(flashOf(answer.body)).toMatch(/^SIRET : /);
  });

  it('R-25 the state sent twice filters on either state', async () => {
    await draftOf(t, claire);
    await presaisieOf(t);
    const count = async (url: string) => {
      const answer = await t.get(claire, url);
      expect(answer.status).toBe(200);
      return rowsOf(answer.body);
    };
    expect(await count('/brouillons')).toBe(2);
    expect(await count('/brouillons?etat=draft&etat=presaisie')).toBe(2);
    expect(await count('/brouillons?etat=presaisie&etat=removed')).toBe(1);
    expect(await count('/brouillons?etat=removed&etat=transmitted')).toBe(0);
  });

  it.each([
    [
      '/brouillons?page=abc',
      'Page : Page invalide (reçu : « abc ») : attendu un numéro de page entier entre 1 et 1 000 000',
    ],
    ['/brouillons?page=2&page=3', 'Page : Page invalide'],
    [
      '/dossiers?creeDu=2026-02-30',
      'Créé à partir du : Date invalide (reçu : « 2026-02-30 ») : attendu une date qui existe, au format AAAA-MM-JJ',
    ],
    ['/dossiers?transmisAu=2025-02-29', "Transmis jusqu'au : Date invalide"],
    ['/dossiers?etat=ZZZ', 'Etat : État inconnu (reçu : « ZZZ »)'],
  ])('R-25 R-43 %s is refused with the search form label: "%s"', async (url, message) => {
    const answer = await t.get(claire, url);
    expect(answer.status).toBe(400);
    expect(
      flashOf(answer.body)
        ?.replace(/&#39;/g, "'")
        .replace(/\u202f|\u00a0/g, ' '),
    ).toContain(message);
  });
});
