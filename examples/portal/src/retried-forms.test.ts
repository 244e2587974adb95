// R-36 over HTTP: every form that changes a draft carries the command id drawn with its page,
// so that the same form sent twice (a double click, the browser's « renvoyer le formulaire »
// after a timeout, a reverse proxy's retry) is applied once and answered the same both times:
// same page, same message, nothing more in the store. The same id with other values is
// refused, nothing written, and the user is offered the form again with what was typed.
import { assertRight } from '@cartes-badges/eventsourcing/testing';
import { FIXTURE_USERS, samplePdf } from '@cartes-badges/domain/fixtures';
import type { PortalOverHttp } from '../test/portal-over-http';
import {
  commandIdOfForm,
  draftOf,
  postTwice,
  presaisieOf,
  run,
  seenOf,
  startPortalOverHttp,
} from '../test/portal-over-http';

const { claire } = FIXTURE_USERS;

describe('the portal’s draft forms, sent twice (R-36)', () => {
  let t: PortalOverHttp;
  beforeEach(async () => {
    t = await startPortalOverHttp();
  });
  afterEach(async () => t.close());

  /** The id drawn in Claire's page `page` for the form posting to `action`. */
  const drawnId = async (page: string, action: string) =>
    commandIdOfForm((await t.get(claire, page)).body, action);

  it('R-36: « Enregistrer » sent twice saves once: same page and message, nothing more written', async () => {
    const { dossierId } = await draftOf(t, claire);
    const url = `/dossiers/${dossierId}/enregistrer`;
    const form = {
      commandId: await drawnId(`/dossiers/${dossierId}`, url),
      onglet: 'Employeur',
      contactEmail: 'rh@hum-interim.fr',
    };
    const twice = await postTwice(t, claire, url, form);
    expect(seenOf(twice.first)).toEqual([
      303,
      `/dossiers/${dossierId}?onglet=Employeur`,
      { kind: 'success', text: 'Enregistré' },
    ]);
    expect(twice).toMatchObject({ sameAnswer: true, writtenBySecond: 0 });
  });

  it('R-36: a save sent again after a later one (a late retry) does not bring the older value back', async () => {
    const { dossierId } = await draftOf(t, claire);
    const url = `/dossiers/${dossierId}/enregistrer`;
    const synthese = `/dossiers/${dossierId}?onglet=Synthèse`;
    const older = { commandId: await drawnId(synthese, url), onglet: 'Synthèse', comment: 'Quatre cartes' };
    await t.post(claire, url, older);
    await t.post(claire, url, {
      commandId: await drawnId(synthese, url),
      onglet: 'Synthèse',
      comment: 'Cinq cartes',
    });
    const written = await t.eventCount();

    const late = await t.post(claire, url, older);
    expect(late.flash).toEqual({ kind: 'success', text: 'Enregistré' });
    expect(await t.eventCount()).toBe(written);
    expect((await t.get(claire, synthese)).body).toMatch(
      /<textarea[^>]*name="comment"[^>]*>\s*Cinq cartes<\/textarea/,
    );
  });

  it('R-36: the same form id with other values is refused in French, nothing written, the form offered again with what was typed', async () => {
    const { dossierId } = await draftOf(t, claire);
    const url = `/dossiers/${dossierId}/enregistrer`;
    const commandId = await drawnId(`/dossiers/${dossierId}`, url);
    await t.post(claire, url, { commandId, onglet: 'Employeur', contactEmail: 'rh@hum-interim.fr' });
    const written = await t.eventCount();

    const edited = { onglet: 'Employeur', contactEmail: 'paie@hum-interim.fr' };
    const changed = await t.post(claire, url, { commandId, ...edited });
    expect(changed.status).toBe(422);
    expect(changed.body).toContain(
      'Ce formulaire a déjà été envoyé avec d’autres valeurs : rien n’a été enregistré',
    );
    expect(changed.body).toContain('value="paie@hum-interim.fr"');
    const again = commandIdOfForm(changed.body, url);
    expect(again).not.toBe(commandId);
    expect(await t.eventCount()).toBe(written);
    // Sent from the page it was offered on, it is saved.
    expect((await t.post(claire, url, { commandId: again, ...edited })).flash).toEqual({
      kind: 'success',
      text: 'Enregistré',
    });
  });

  it('R-36/R-20: a file uploaded twice with the form’s id is one document and one stored blob; another file under that id is refused', async () => {
    const { dossierId } = await draftOf(t, claire);
    const url = `/dossiers/${dossierId}/documents`;
    const fields = {
      commandId: await drawnId(`/dossiers/${dossierId}?onglet=Documents`, url),
      documentType: 'Copie facture prestataire',
    };
    const file = { name: 'copie-facture.pdf', bytes: samplePdf('Facture F-1') };
    const first = await t.upload(claire, url, fields, file);
    const second = await t.upload(claire, url, fields, file);
    expect(first.flash).toEqual({
      kind: 'success',
      text: '« copie-facture.pdf » chargé (Copie facture prestataire)',
    });
    expect(seenOf(second)).toEqual(seenOf(first));
    const documentsOf = async () => assertRight(await t.portal.library.service.load(dossierId)).documents;
    expect(await documentsOf()).toHaveLength(1);
    expect(t.blobPuts()).toBe(1);

    const other = await t.upload(claire, url, fields, { name: 'autre.pdf', bytes: samplePdf('Facture F-2') });
    expect(other.flash?.kind).toBe('error');
    expect(other.flash?.text).toContain('rien n’a été enregistré');
    expect(await documentsOf()).toHaveLength(1);
    expect(t.blobPuts()).toBe(1);
  });

  it('R-36/R-21: a document’s removal sent twice answers « Document supprimé » both times', async () => {
    const { dossierId } = await draftOf(t, claire);
    await run(t, claire, {
      type: 'AttachDocument',
      dossierId,
      payload: { documentType: 'Facture entreprise', fileName: 'facture.pdf', content: samplePdf() },
    });
    const page = (await t.get(claire, `/dossiers/${dossierId}?onglet=Documents`)).body;
    const url = /action="(\/dossiers\/[^"]+\/documents\/[^"]+\/supprimer)"/.exec(page)?.[1] ?? '';
    const twice = await postTwice(t, claire, url, { commandId: commandIdOfForm(page, url) });
    expect(twice.first.flash).toEqual({ kind: 'success', text: 'Document supprimé' });
    expect(twice).toMatchObject({ sameAnswer: true, writtenBySecond: 0 });
  });

  it('R-36/R-30: « Accepter » a pré-saisie sent twice accepts it once and answers the same', async () => {
    const { dossierId } = await presaisieOf(t);
    const url = `/dossiers/${dossierId}/accepter`;
    const twice = await postTwice(t, claire, url, {
      commandId: await drawnId(`/dossiers/${dossierId}`, url),
    });
    expect(twice.first.flash).toEqual({
      kind: 'success',
      text: 'Pré-saisie acceptée : vous pouvez la compléter',
    });
    expect(twice).toMatchObject({ sameAnswer: true, writtenBySecond: 0 });
  });

  it('R-36/R-31: « Refuser » a pré-saisie sent twice refuses it once and tells its provider once', async () => {
    const { dossierId } = await presaisieOf(t);
    const url = `/dossiers/${dossierId}/refuser`;
    const form = { commandId: await drawnId(`/dossiers/${dossierId}`, url), motif: 'Pas cette année' };
    const twice = await postTwice(t, claire, url, form);
    await t.portal.library.whenIdle();
    expect(twice.first.flash?.text).toMatch(/^Pré-saisie n° \d+ refusée : le prestataire en est informé$/);
    expect(twice).toMatchObject({ sameAnswer: true, writtenBySecond: 0 });
    expect(t.portal.notifier.sent()).toHaveLength(1);
  });

  it('R-36/R-27: « Supprimer » confirmed twice deletes the draft once and answers the same', async () => {
    const { dossierId } = await draftOf(t, claire);
    const url = `/dossiers/${dossierId}/supprimer`;
    const twice = await postTwice(t, claire, url, { commandId: await drawnId(url, url) });
    expect(twice.first.flash?.text).toMatch(/^Brouillon n° \d+ supprimé$/);
    expect(twice).toMatchObject({ sameAnswer: true, writtenBySecond: 0 });
  });

  it('R-36/R-27: « Dupliquer » sent twice makes one copy, and both answers lead to it', async () => {
    const { dossierId } = await draftOf(t, claire);
    const url = `/dossiers/${dossierId}/dupliquer`;
    const twice = await postTwice(t, claire, url, {
      commandId: await drawnId(`/dossiers/${dossierId}`, url),
    });
    expect(twice.first.location).toMatch(/^\/dossiers\/[0-9a-f-]{36}$/);
    expect(twice.first.location).not.toBe(`/dossiers/${dossierId}`);
    expect(twice).toMatchObject({ sameAnswer: true, writtenBySecond: 0 });
  });
});
