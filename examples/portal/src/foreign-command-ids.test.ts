// hostile: a form's command id is no key to someone else's dossier. A user of
// another company who sends my form again, id and all, on my dossier is refused as for any
// other form of it (403, the same page whether the id was used or not), nothing is written and
// nothing of my save's outcome shows. A command id belongs to the dossier it was sent to: the
// same id on the intruder's own draft is the intruder's own command there, and touches mine not.
import { assertRight } from '@cartes-badges/eventsourcing/testing';
import { FIXTURE_ESTABLISHMENTS, FIXTURE_USERS, samplePdf } from '@cartes-badges/domain/fixtures';
import type { PortalOverHttp } from '../test/portal-over-http';
import { commandIdOfForm, draftOf, startPortalOverHttp } from '../test/portal-over-http';

const { claire, sophie } = FIXTURE_USERS;
const MY_EMAIL = 'rh@hum-interim.fr';

describe('the portal: another company’s user and my forms’ command ids (R-04, R-36)', () => {
  let t: PortalOverHttp;
  let dossierId = '';
  let saved: Record<string, string> = {};
  beforeEach(async () => {
    t = await startPortalOverHttp();
    ({ dossierId } = await draftOf(t, claire));
    const url = `/dossiers/${dossierId}/enregistrer`;
    const page = await t.get(claire, `/dossiers/${dossierId}`);
    saved = { commandId: commandIdOfForm(page.body, url), onglet: 'Employeur', contactEmail: MY_EMAIL };
    expect((await t.post(claire, url, saved)).flash).toEqual({ kind: 'success', text: 'Enregistré' });
  });
  afterEach(async () => t.close());

  const emailOf = async (id: string) => assertRight(await t.portal.library.service.load(id)).contactEmail;

  it('R-04/R-36: my form sent again by another company’s user on my dossier is refused, not applied, its outcome not shown', async () => {
    const url = `/dossiers/${dossierId}/enregistrer`;
    const written = await t.eventCount();
    const replayed = await t.post(sophie, url, saved);
    const edited = await t.post(sophie, url, { ...saved, contactEmail: 'pirate@exemple.fr' });
    const unknownId = await t.post(sophie, url, {
      ...saved,
      commandId: t.portal.library.service.newCommandId(),
    });
    for (const answer of [replayed, edited]) {
      expect(answer.status).toBe(403);
      expect(answer.flash).toBeUndefined();
      expect(answer.body).not.toContain(MY_EMAIL);
      expect(answer.body).not.toContain('Enregistré');
      expect(answer.body).not.toContain('Brouillon n°');
      // The same page as for an id never used: whether my id exists is not told either.
      expect(answer.body).toBe(unknownId.body);
    }
    expect(unknownId.status).toBe(403);
    expect(await t.eventCount()).toBe(written);
    expect(await emailOf(dossierId)).toBe(MY_EMAIL);
  });

  it('R-04/R-36: my upload sent again by another company’s user on my dossier adds no document, stores no file, tells nothing of mine', async () => {
    const url = `/dossiers/${dossierId}/documents`;
    const page = await t.get(claire, `/dossiers/${dossierId}?onglet=Documents`);
    const fields = { commandId: commandIdOfForm(page.body, url), documentType: 'Facture entreprise' };
    const file = { name: 'facture-claire.pdf', bytes: samplePdf('Facture de Claire') };
    expect((await t.upload(claire, url, fields, file)).flash?.kind).toBe('success');
    const written = await t.eventCount();

    const replayed = await t.upload(sophie, url, fields, file);
    const unknownId = await t.upload(
      sophie,
      url,
      { ...fields, commandId: t.portal.library.service.newCommandId() },
      file,
    );
    expect(replayed.status).toBe(403);
    expect(replayed.flash).toBeUndefined();
    expect(replayed.body).not.toContain('facture-claire.pdf');
    expect(replayed.body).toBe(unknownId.body);
    expect(await t.eventCount()).toBe(written);
    expect(t.blobPuts()).toBe(1);
  });

  it('R-04: removing a document of my dossier is refused to another company’s user with the 403 page, the document kept', async () => {
    await t.upload(
      claire,
      `/dossiers/${dossierId}/documents`,
      {
        commandId: t.portal.library.service.newCommandId(),
        documentType: 'Facture entreprise',
      },
      { name: 'facture.pdf', bytes: samplePdf() },
    );
    const page = (await t.get(claire, `/dossiers/${dossierId}?onglet=Documents`)).body;
    const url = /action="(\/dossiers\/[^"]+\/documents\/[^"]+\/supprimer)"/.exec(page)?.[1] ?? '';
    const written = await t.eventCount();
    const answer = await t.post(sophie, url, { commandId: commandIdOfForm(page, url) });
    expect(answer.status).toBe(403);
    expect(answer.body).not.toContain('facture.pdf');
    expect(await t.eventCount()).toBe(written);
    expect(assertRight(await t.portal.library.service.load(dossierId)).documents).toHaveLength(1);
  });

  it('R-36: my command id sent on the intruder’s own draft is only the intruder’s command there; my dossier and its outcome stay mine', async () => {
    const lille = FIXTURE_ESTABLISHMENTS.hautsDeFranceLille.siret;
    const { dossierId: theirs } = await draftOf(t, sophie, lille);
    const answer = await t.post(sophie, `/dossiers/${theirs}/enregistrer`, {
      ...saved,
      contactEmail: 'pirate@exemple.fr',
    });
    expect(answer.location).toBe(`/dossiers/${theirs}?onglet=Employeur`);
    expect(answer.body).not.toContain(MY_EMAIL);
    expect(await emailOf(theirs)).toBe('pirate@exemple.fr');
    expect(await emailOf(dossierId)).toBe(MY_EMAIL);
  });
});
