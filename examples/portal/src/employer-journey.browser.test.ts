import { scaledTimeout } from '@cartes-badges/eventsourcing/testing';
// The guide's employer journey in headless Chromium, on the embedded SQLite store: create a
// draft, fill every tab and see each bullet turn valid, a transmission refused with « Saisie
// invalide » naming the tabs, two invoices uploaded ("2/2"), the transmission's number and
// confirmation, the dossier found in Dossiers by search; then the case manager instructs it and
// reads its timeline. Screenshots of each screen go to test-artifacts/portal/.
import { FIXTURE_PROVIDERS, FIXTURE_USERS, samplePdf } from '@cartes-badges/domain/fixtures';
import type { Page } from 'playwright-core';
import type { PortalUnderTest } from '../test/portal-under-test';
import { screenshot, startPortalUnderTest, unavailable } from '../test/portal-under-test';

const describeInBrowser = unavailable === undefined ? describe : describe.skip;

const tabLink = (page: Page, tab: string) =>
  page.locator('nav[aria-label="Onglets du dossier"] a', { hasText: tab });

async function bulletOf(page: Page, tab: string): Promise<string> {
  return (await tabLink(page, tab).locator('.bullet').getAttribute('class')) ?? '';
}

async function openTab(page: Page, tab: string): Promise<void> {
  await tabLink(page, tab).click();
  await page.locator('#onglet-titre', { hasText: tab }).waitFor();
}

async function save(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Enregistrer' }).click();
}

describeInBrowser('the portal, the guide’s employer journey in Chromium', () => {
  let t: PortalUnderTest;
  let claire: Page;
  let dossierUrl = '';
  let dossierNumber = '';

  beforeAll(async () => {
    t = await startPortalUnderTest();
    claire = await t.as(FIXTURE_USERS.claire.id);
  }, scaledTimeout(60_000));
  afterAll(async () => t?.close(), scaledTimeout(30_000));

  it('R-03/R-02: « Créer un nouveau dossier » goes straight to the card type for a user of one SIRET, then opens the draft on Employeur', async () => {
    await screenshot(claire, '01-brouillons-vide');
    await claire.getByRole('link', { name: 'Créer un nouveau dossier' }).click();
    await screenshot(claire, '02-creation-type-de-carte');
    await claire.getByLabel('Carte chronotachygraphe (chrono)').check();
    await claire.getByRole('button', { name: 'Créer un nouveau dossier' }).click();
    await expectText(claire, 'h1', 'Brouillon n° 10001');
    await expectText(claire, '.flash.success', 'Brouillon n° 10001 créé');
    dossierUrl = new URL(claire.url()).pathname;
    expect(await bulletOf(claire, 'Employeur')).toMatch(/\binvalid\b/);
    await screenshot(claire, '03-onglet-employeur');
  });

  it('R-23: transmitting too early is refused with « Saisie invalide » naming every invalid tab', async () => {
    await claire.getByRole('button', { name: 'Transmettre' }).click();
    const alert = claire.getByRole('alert');
    await expect(alert.textContent()).resolves.toContain(
      'Saisie invalide : Employeur, Prestation, Synthèse, Documents',
    );
    expect((await alert.locator('li').allTextContents()).map((text) => text.trim())).toEqual([
      expect.stringMatching(/^Employeur/),
      expect.stringMatching(/^Prestation/),
      expect.stringMatching(/^Synthèse/),
      expect.stringMatching(/^Documents : .*0\/2 types de documents obligatoires à transmettre/),
    ]);
    await expect(alert.textContent()).resolves.toContain('Email de contact : Saisie obligatoire');
    await screenshot(claire, '04-saisie-invalide');
  });

  it('R-06/R-08: a malformed email is refused with its message and kept in the field; a good one turns Employeur valid', async () => {
    await openTab(claire, 'Employeur');
    await claire.getByLabel('Email de contact').fill('amoa1.x');
    await save(claire);
    await expect(claire.getByRole('alert').textContent()).resolves.toContain(
      "L'adresse email « amoa1.x » n'est pas valide",
    );
    expect(await claire.getByLabel('Email de contact').inputValue()).toBe('amoa1.x');
    await claire.getByLabel('Email de contact').fill(FIXTURE_USERS.claire.email);
    await save(claire);
    await expectText(claire, '.flash.success', 'Enregistré');
    expect(await bulletOf(claire, 'Employeur')).toMatch(/\bvalid\b/);
    await expectText(claire, 'section p strong', 'Onglet validé');
  });

  it('R-12/R-13/R-14: the provider found by SIREN, a cost line typed "52,50" × 4, total 210,00 €, Prestation valid', async () => {
    await openTab(claire, 'Prestation');
    await claire
      .getByLabel('Rechercher prestataire (SIREN ou SIRET)')
      .fill(FIXTURE_PROVIDERS.chronoLyon.siren);
    await claire.getByLabel("Référence interne de l'entreprise").fill('BC-2025-118');
    await claire.getByLabel('Ligne 1 : Nature').selectOption('Achat Matériel');
    await claire.getByLabel('Ligne 1 : Montant unitaire HT').fill('52,50');
    await claire.getByLabel('Ligne 1 : Quantité').fill('4');
    await save(claire);
    await expectText(claire, 'section', FIXTURE_PROVIDERS.chronoLyon.name);
    await expectText(claire, 'section', /Montant Total HT : 210,00\s€/);
    expect(await bulletOf(claire, 'Prestation')).toMatch(/\bvalid\b/);
    await screenshot(claire, '05-onglet-prestation');
  });

  it('R-15/R-16/R-17: the Synthèse shows the figures; both attestations and a comment turn it valid', async () => {
    await openTab(claire, 'Synthèse');
    await expectText(claire, 'section dl', /Coût total\s*210,00\s€/);
    await claire.getByLabel(/J'atteste sur l'honneur/).check();
    await claire.getByLabel(/J'accepte les Conditions Générales/).check();
    await claire.getByLabel('Commentaires').fill('Cartes pour 4 nouveaux chauffeurs');
    await save(claire);
    expect(await bulletOf(claire, 'Synthèse')).toMatch(/\bvalid\b/);
    await screenshot(claire, '06-onglet-synthese');
  });

  it('R-36: the Synthèse form sent again by the browser after a newer save is applied once: the newer comment stays', async () => {
    await claire.getByLabel('Commentaires').fill('Quatre cartes chrono');
    const older = await claire.evaluate(fieldsOfForm, SAVE_FORM);
    await save(claire);
    await expectText(claire, '.flash.success', 'Enregistré');
    await claire.getByLabel('Commentaires').fill('Cartes des 4 chauffeurs embauchés en mars');
    await save(claire);
    await expectText(claire, '.flash.success', 'Enregistré');
    // The older form sent again as it was (its command id included), as a browser resends it.
    const loaded = claire.waitForEvent('load');
    await claire.evaluate(postAgain, { action: older.action, fields: older.fields });
    await loaded;
    await expectText(claire, '.flash.success', 'Enregistré');
    expect(await claire.getByLabel('Commentaires').inputValue()).toBe(
      'Cartes des 4 chauffeurs embauchés en mars',
    );
  });

  it('R-18/R-19/R-20: the attestation and two invoices uploaded turn "0/2" into "2/2 types de documents obligatoires à transmettre"', async () => {
    await openTab(claire, 'Documents');
    await expectText(claire, '#documents-progress', '0/2 types de documents obligatoires à transmettre');
    await claire.getByLabel(/L'employeur atteste disposer/).check();
    await save(claire);
    for (const type of ['Copie facture prestataire', 'Facture entreprise']) {
      await claire.getByLabel(`Ajouter un fichier : ${type}`).setInputFiles({
        name: `${type}.pdf`,
        mimeType: 'application/pdf',
        buffer: Buffer.from(samplePdf(type)),
      });
      await claire.getByRole('button', { name: `Charger ${type}` }).click();
      await expectText(claire, '.flash.success', `« ${type}.pdf » chargé`);
    }
    await expectText(claire, '#documents-progress', '2/2 types de documents obligatoires à transmettre');
    expect(await bulletOf(claire, 'Documents')).toMatch(/\bvalid\b/);
    const download = await claire.request.get(
      (await claire.getByRole('link', { name: 'Facture entreprise.pdf' }).getAttribute('href')) ?? '',
    );
    expect(download.status()).toBe(200);
    expect(Buffer.from(await download.body())).toEqual(Buffer.from(samplePdf('Facture entreprise')));
    await screenshot(claire, '07-onglet-documents');
  });

  it('R-24/R-38: « Transmettre » gives the dossier its number and the confirmation, found again in Dossiers by search', async () => {
    await claire.getByRole('button', { name: 'Transmettre' }).click();
    const confirmation = (await claire.locator('.flash.success').textContent()) ?? '';
    const match = /Votre demande n° (\d{4}AF\d{6}) a bien été transmise/.exec(confirmation);
    expect(match).not.toBeNull();
    dossierNumber = match?.[1] ?? '';
    await expectText(claire, 'h1', `Dossier n° ${dossierNumber}`);
    await expectText(claire, '#etat', 'Transmis');
    await screenshot(claire, '08-transmis');
    await claire.getByRole('link', { name: 'Dossiers', exact: true }).click();
    await claire.getByLabel('Rechercher (numéro, dispositif, entreprise)').fill(dossierNumber);
    await claire.getByRole('button', { name: 'Rechercher' }).first().click();
    await expectText(claire, '[role=status]', '1 résultat');
    await expectText(claire, 'tbody tr', dossierNumber);
    await screenshot(claire, '09-dossiers-recherche');
    await claire.getByRole('link', { name: `Consulter le n° ${dossierNumber}` }).click();
    expect(new URL(claire.url()).pathname).toBe(dossierUrl);
  });

  it('R-35: the case manager starts the instruction, grants 157,50 € and reads the dossier’s timeline', async () => {
    const nathalie = await t.as(FIXTURE_USERS.nathalie.id);
    await nathalie.getByLabel('Rechercher (numéro, dispositif, entreprise)').fill(dossierNumber);
    await nathalie.getByRole('button', { name: 'Rechercher' }).first().click();
    await nathalie.getByRole('link', { name: `Consulter le n° ${dossierNumber}` }).click();
    await nathalie.getByRole('button', { name: "Commencer l'instruction" }).click();
    await expectText(nathalie, '#etat', "En cours d'instruction");
    // An amount with three decimals is refused beside its field, what was typed kept.
    await nathalie.getByLabel('Montant accordé (en euros, par ex. 157,50)').fill('157,505');
    await nathalie.getByRole('button', { name: 'Accorder la prise en charge' }).click();
    await expectText(nathalie, '#e-GrantFunding[role=alert]', 'Le montant 157,505 a plus de 2 décimales');
    const amount = nathalie.getByLabel('Montant accordé (en euros, par ex. 157,50)');
    expect(await amount.inputValue()).toBe('157,505');
    expect(await amount.getAttribute('aria-invalid')).toBe('true');
    await screenshot(nathalie, '10-montant-refuse');
    await expectText(nathalie, '#etat', "En cours d'instruction");
    await amount.fill('157,50');
    await nathalie.getByRole('button', { name: 'Accorder la prise en charge' }).click();
    await expectText(nathalie, '#instruction-titre + dl', /Montant accordé\s*157,50\s€/);
    await screenshot(nathalie, '10-instruction');
    await nathalie.getByRole('link', { name: 'Historique (auditeur)' }).click();
    await expectText(nathalie, 'body', dossierNumber);
    await expectText(nathalie, 'body', 'Chaîne');
    // the Synthèse form sent twice shows as one change, the newer comment after it.
    expect(await nathalie.locator('tr.event', { hasText: 'Quatre cartes chrono' }).count()).toBe(1);
    expect(
      await nathalie.locator('tr.event', { hasText: 'Cartes des 4 chauffeurs embauchés en mars' }).count(),
    ).toBe(1);
    await screenshot(nathalie, '11-historique');
  });
});

// In the page (the project compiles without the DOM library: the little of it used here).
interface FormsInPage {
  readonly document: {
    querySelector(selector: string): FormInPage | null;
    createElement(tag: string): FormInPage & { name: string; value: string; type: string };
    readonly body: { appendChild(node: unknown): void };
  };
  readonly FormData: new (form: FormInPage) => { entries(): Iterable<[string, unknown]> };
}
interface FormInPage {
  method: string;
  action: string;
  appendChild(node: unknown): void;
  submit(): void;
}

const SAVE_FORM = 'form[action$="/enregistrer"]';

/** The form's action and every field it would send now (its command id among them). */
function fieldsOfForm(selector: string): { action: string; fields: [string, string][] } {
  const page = globalThis as unknown as FormsInPage;
  const form = page.document.querySelector(selector);
  if (form === null) throw new Error(`no form ${selector}`);
  const fields = [...new page.FormData(form).entries()].map(([name, value]): [string, string] => [
    name,
    String(value),
  ]);
  return { action: form.action, fields };
}

/** Posts these fields to `action` from the page, as the browser does when a form is sent again. */
function postAgain({ action, fields }: { action: string; fields: [string, string][] }): void {
  const { document } = globalThis as unknown as FormsInPage;
  const form = document.createElement('form');
  form.method = 'post';
  form.action = action;
  for (const [name, value] of fields) {
    const input = document.createElement('input');
    input.type = 'hidden';
    input.name = name;
    input.value = value;
    form.appendChild(input);
  }
  document.body.appendChild(form);
  form.submit();
}

async function expectText(page: Page, selector: string, expected: string | RegExp): Promise<void> {
  const locator = page.locator(selector).filter({ hasText: expected }).first();
  await locator.waitFor({ timeout: scaledTimeout(10_000) });
}
