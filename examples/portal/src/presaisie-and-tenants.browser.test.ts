import { scaledTimeout } from '@cartes-badges/eventsourcing/testing';
// The other journeys of the guide in headless Chromium: a provider's pré-saisie, refused by the
// employer on its Introduction page, then read by the provider as a notification; duplicate and
// delete a draft; a user attached to several companies picks company, establishment, card
// type; 20 rows per page; and a user of another company who sees none of it, by the lists or by
// a direct URL. Screenshots go to test-artifacts/portal/.
import { FIXTURE_ESTABLISHMENTS, FIXTURE_USERS } from '@cartes-badges/domain/fixtures';
import type { Page } from 'playwright-core';
import type { PortalUnderTest } from '../test/portal-under-test';
import { screenshot, startPortalUnderTest, unavailable } from '../test/portal-under-test';

const describeInBrowser = unavailable === undefined ? describe : describe.skip;
const CLICHY = FIXTURE_ESTABLISHMENTS.interimServicesClichy.siret;

async function waitForText(page: Page, selector: string, expected: string | RegExp): Promise<void> {
  await page
    .locator(selector)
    .filter({ hasText: expected })
    .first()
    .waitFor({ timeout: scaledTimeout(10_000) });
}

describeInBrowser('the portal: pré-saisie, drafts and other companies, in Chromium', () => {
  let t: PortalUnderTest;
  let claire: Page;
  let presaisieUrl = '';
  let claireDraftUrl = '';
  let documentUrl = '';

  beforeAll(async () => {
    t = await startPortalUnderTest();
    claire = await t.as(FIXTURE_USERS.claire.id);
  }, scaledTimeout(60_000));
  afterAll(async () => t?.close(), scaledTimeout(30_000));

  it('R-29: a provider pre-fills a draft for an employer; it shows in the employer’s Brouillons as « Pré-saisie à valider »', async () => {
    const julien = await t.as(FIXTURE_USERS.julien.id);
    await julien.getByRole('link', { name: 'Nouvelle pré-saisie' }).click();
    await julien.getByLabel("SIRET de l'établissement employeur").fill(CLICHY);
    await julien.getByLabel('Type de badge/cartes').selectOption('CHRONO');
    await julien.getByLabel('Email de contact').fill(FIXTURE_USERS.claire.email);
    await julien.getByLabel('Ligne 1 : Nature').selectOption('Achat Matériel');
    await julien.getByLabel('Ligne 1 : Montant unitaire HT').fill('52,50');
    await julien.getByLabel('Ligne 1 : Quantité').fill('3');
    await screenshot(julien, '20-pre-saisie-formulaire');
    await julien.getByRole('button', { name: 'Envoyer la pré-saisie' }).click();
    await waitForText(julien, '.flash.success', /Pré-saisie n° 10001 envoyée/);
    presaisieUrl = new URL(julien.url()).pathname;

    await claire.goto('/brouillons');
    await waitForText(claire, 'tbody tr', 'Pré-saisie à valider');
    await waitForText(claire, 'tbody tr', 'Chronotachy Services Formation');
    await screenshot(claire, '21-brouillons-pre-saisie');
  });

  it('R-30/R-31: the employer reads the Introduction page, refuses the pré-saisie, and the provider is notified', async () => {
    await claire.getByRole('link', { name: 'Accepter ou refuser le n° 10001' }).click();
    await waitForText(claire, '#onglet-titre', 'Introduction');
    await waitForText(claire, 'section', /Pré-saisie du prestataire\s+Chronotachy Services Formation/);
    await screenshot(claire, '22-introduction');
    await claire.getByLabel('Motif du refus (facultatif)').fill('Pas de besoin cette année');
    await claire.getByRole('button', { name: 'Refuser' }).click();
    await waitForText(claire, '.flash.success', 'Pré-saisie n° 10001 refusée');
    await waitForText(claire, '[role=status]', 'Aucun résultat');

    const julien = await t.as(FIXTURE_USERS.julien.id);
    await julien.getByRole('link', { name: 'Notifications' }).click();
    await waitForText(julien, 'main li', 'Pré-saisie n° 10001 refusée');
    const message = (await julien.locator('main li p').first().textContent()) ?? '';
    expect(message).toContain('a refusé votre pré-saisie n° 10001');
    expect(message).toContain('Pas de besoin cette année');
    await screenshot(julien, '23-notification');
    // Another provider is not told about it.
    const amina = await t.as(FIXTURE_USERS.amina.id);
    await amina.goto('/notifications');
    await waitForText(amina, '[role=status]', 'Aucune notification');
  });

  it('R-27: a draft duplicated, then the copy deleted after its confirmation page', async () => {
    await claire.getByRole('link', { name: 'Créer un nouveau dossier' }).click();
    await claire.getByRole('button', { name: 'Créer un nouveau dossier' }).click();
    await claire.getByLabel('Email de contact').fill(FIXTURE_USERS.claire.email);
    await claire.getByRole('button', { name: 'Enregistrer' }).click();
    claireDraftUrl = new URL(claire.url()).pathname;
    await claire.getByRole('button', { name: 'Dupliquer' }).click();
    await waitForText(claire, '.flash.success', /Brouillon n° (\d+) créé par duplication/);
    const copy = (await claire.locator('h1').textContent()) ?? '';
    expect(new URL(claire.url()).pathname).not.toBe(claireDraftUrl);
    expect(await claire.getByLabel('Email de contact').inputValue()).toBe(FIXTURE_USERS.claire.email);
    await claire.getByRole('link', { name: 'Supprimer' }).click();
    await waitForText(claire, 'h1', `Supprimer le ${copy} ?`);
    await claire.getByRole('button', { name: 'Supprimer' }).click();
    await waitForText(claire, '.flash.success', 'supprimé');
    const numbers = await claire.locator('tbody tr td:first-child').allTextContents();
    expect(numbers).not.toContain(copy.replace('Brouillon n° ', ''));
    expect(numbers).toHaveLength(1);
  });

  it('R-03: a user attached to two companies picks the company, then the establishment, then the card type', async () => {
    const marc = await t.as(FIXTURE_USERS.marc.id);
    await marc.getByRole('link', { name: 'Créer un nouveau dossier' }).click();
    await marc.getByLabel(/Société Bâtiment Intérim/).check();
    await marc.getByRole('button', { name: 'Suivant' }).click();
    await screenshot(marc, '24-creation-etablissement');
    await marc.getByLabel(new RegExp(FIXTURE_ESTABLISHMENTS.batimentInterimLyon.siret)).check();
    await marc.getByRole('button', { name: 'Suivant' }).click();
    await marc.getByLabel('Carte BTP').check();
    await marc.getByRole('button', { name: 'Créer un nouveau dossier' }).click();
    await waitForText(marc, 'p', 'Dispositif : Carte BTP');
    await waitForText(marc, 'section dd', FIXTURE_ESTABLISHMENTS.batimentInterimLyon.siret);
  });

  it('R-25: 20 rows per page, the pager keeps the search', async () => {
    const marc = await t.as(FIXTURE_USERS.marc.id);
    for (let i = 0; i < 21; i += 1) {
      const created = await t.portal.library.service.execute({
        type: 'CreateDraft',
        commandId: `seed-marc-${i}`,
        actor: { role: 'adherent', userId: FIXTURE_USERS.marc.id },
        payload: { siret: FIXTURE_ESTABLISHMENTS.batimentInterimLyon.siret, cardType: 'CHRONO' },
      });
      expect(created._tag).toBe('Right');
    }
    await t.portal.library.whenIdle();
    await marc.goto('/brouillons?recherche=chrono');
    await waitForText(marc, '[role=status]', '21 résultats — page 1 sur 2');
    expect(await marc.locator('tbody tr').count()).toBe(20);
    await marc.getByRole('link', { name: 'Page suivante' }).click();
    await waitForText(marc, '[role=status]', '21 résultats — page 2 sur 2');
    expect(await marc.locator('tbody tr').count()).toBe(1);
    expect(new URL(marc.url()).searchParams.get('recherche')).toBe('chrono');
    await screenshot(marc, '25-brouillons-page-2');
  });

  it('R-04/R-26: a user of another company sees none of it, and a direct URL to it is refused (403/404), nothing written', async () => {
    // A file on Claire's draft, to try its download URL too.
    await claire.goto(`${claireDraftUrl}?onglet=Documents`);
    await claire.getByLabel('Ajouter un fichier : Autre').setInputFiles({
      name: 'note.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n%%EOF\n'),
    });
    await claire.getByRole('button', { name: 'Charger Autre' }).click();
    documentUrl = (await claire.getByRole('link', { name: 'note.pdf' }).getAttribute('href')) ?? '';
    expect(documentUrl).toMatch(/\/documents\//);

    const sophie = await t.as(FIXTURE_USERS.sophie.id);
    await waitForText(sophie, '[role=status]', 'Aucun résultat');
    await sophie.goto('/dossiers');
    await waitForText(sophie, '[role=status]', 'Aucun résultat');
    await sophie.goto(`/brouillons?recherche=${encodeURIComponent('Intérim Services')}`);
    await waitForText(sophie, '[role=status]', 'Aucun résultat');
    // The library says « not authorised » for a dossier that exists but is not theirs (403);
    // the page never shows a byte of it.
    const statuses: Record<string, number> = {};
    for (const url of [claireDraftUrl, presaisieUrl, `${claireDraftUrl}/historique`, documentUrl]) {
      const response = await sophie.request.get(url, { maxRedirects: 0 });
      statuses[url] = response.status();
      expect(await response.text()).not.toContain(FIXTURE_USERS.claire.email);
    }
    expect(statuses).toEqual({
      [claireDraftUrl]: 403,
      [presaisieUrl]: 403,
      [`${claireDraftUrl}/historique`]: 403,
      [documentUrl]: 403,
    });
    const unknown = await sophie.request.get('/dossiers/00000000-0000-4000-8000-000000000000');
    expect(unknown.status()).toBe(404);
    const forged = await sophie.request.post(`${claireDraftUrl}/enregistrer`, {
      form: { onglet: 'Employeur', contactEmail: 'pirate@exemple.fr' },
      maxRedirects: 0,
    });
    expect(forged.status()).toBe(403);
    await sophie.goto(claireDraftUrl);
    await screenshot(sophie, '26-autre-entreprise-refuse');
    await claire.goto(`${claireDraftUrl}?onglet=Employeur`);
    expect(await claire.getByLabel('Email de contact').inputValue()).toBe(FIXTURE_USERS.claire.email);
  });

  it('R-36: the same creation form sent twice is one command: one draft, and both answers lead to it', async () => {
    await claire.goto('/brouillons');
    const before = await claire.locator('tbody tr').count();
    await claire.getByRole('link', { name: 'Créer un nouveau dossier' }).click();
    const form = claire.locator('form[action="/nouveau"]');
    const fields = {
      commandId: (await form.locator('input[name=commandId]').getAttribute('value')) ?? '',
      siret: (await form.locator('input[name=siret]').getAttribute('value')) ?? '',
      cardType: 'CHRONO',
    };
    const first = await claire.request.post('/nouveau', { form: fields, maxRedirects: 0 });
    const second = await claire.request.post('/nouveau', { form: fields, maxRedirects: 0 });
    expect([first.status(), second.status()]).toEqual([303, 303]);
    expect(second.headers().location).toBe(first.headers().location);
    expect(first.headers().location).toMatch(/^\/dossiers\/[0-9a-f-]{36}\?onglet=Employeur$/);
    await claire.goto('/brouillons');
    expect(await claire.locator('tbody tr').count()).toBe(before + 1);
  });
});
