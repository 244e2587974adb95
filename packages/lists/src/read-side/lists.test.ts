import * as E from 'fp-ts/Either';
import { FIXTURE_ESTABLISHMENTS as F } from '@cartes-badges/domain/fixtures';
import { createListsTestApplication, LIST_ACTORS as A } from '../testing/read-side-test-kit';

const CLICHY = F.interimServicesClichy.siret;

async function started() {
  const kit = createListsTestApplication();
  kit.app.start();
  return kit;
}

describe('the Brouillons and Dossiers lists', () => {
  let kit: Awaited<ReturnType<typeof started>>;
  beforeEach(async () => {
    kit = await started();
  });
  afterEach(async () => {
    await kit.app.stop();
  });

  it('R-25 shows Numéro, Dispositif, Entreprise, Etat (and the total HT) for a new draft', async () => {
    const dossierId = await kit.createDraft();
    await kit.on('ChangeCostLines', A.claire, dossierId, {
      lines: [{ nature: 'Achat Matériel', unitAmountCents: 5250, quantity: 240 }],
    });
    const page = await kit.page(kit.app.brouillons, { actor: A.claire });
    expect(page).toEqual(expect.objectContaining({ total: 1, page: 1, pageSize: 20, pages: 1 }));
    expect(page.rows[0]).toEqual(
      expect.objectContaining({
        dossierId,
        number: '10001',
        cardType: { code: 'CHRONO', label: 'Carte chronotachygraphe (chrono)' },
        company: { name: 'Intérim Services Société', siret: CLICHY, siren: F.interimServicesClichy.siren },
        state: 'En cours de saisie',
        totalHt: { cents: 1_260_000, formatted: '12 600,00 €' },
        provider: null,
      }),
    );
  });

  it('R-24 on transmission the dossier leaves Brouillons and appears in Dossiers with its number and state Transmis', async () => {
    const dossierId = await kit.createDraft();
    const other = await kit.createDraft();
    await kit.completeAndTransmit(dossierId);
    const drafts = await kit.page(kit.app.brouillons, { actor: A.claire });
    expect(drafts.rows.map((r) => r.dossierId)).toEqual([other]);
    const dossiers = await kit.page(kit.app.dossiers, { actor: A.claire });
    expect(dossiers.total).toBe(1);
    expect(dossiers.rows[0]).toEqual(
      expect.objectContaining({
        dossierId,
        number: '2512AF000001',
        dossierNumber: '2512AF000001',
        state: 'Transmis',
        totalHt: { cents: 21_000, formatted: '210,00 €' },
        transmittedAt: expect.stringMatching(/^2025-12-01T/),
      }),
    );
  });

  it('R-25 41 results make 3 pages of 20, the third holding 1 row, newest number first', async () => {
    for (let i = 0; i < 41; i++) await kit.createDraft();
    const first = await kit.page(kit.app.brouillons, { actor: A.claire });
    expect(first).toEqual(expect.objectContaining({ total: 41, pages: 3, pageSize: 20 }));
    expect(first.rows).toHaveLength(20);
    expect(first.rows[0].number).toBe('10041');
    const third = await kit.page(kit.app.brouillons, { actor: A.claire, page: 3 });
    expect(third.rows.map((r) => r.number)).toEqual(['10001']);
    const all = [1, 2, 3].map((page) => kit.page(kit.app.brouillons, { actor: A.claire, page }));
    const numbers = (await Promise.all(all)).flatMap((p) => p.rows.map((r) => r.number));
    expect(new Set(numbers).size).toBe(41);
    const ascending = await kit.page(kit.app.brouillons, {
      actor: A.claire,
      sort: { by: 'number', direction: 'asc' },
    });
    expect(ascending.rows[0].number).toBe('10001');
  });

  it('R-25 the simple search ignores case and accents, over number, card type and company', async () => {
    const lyon = F.batimentInterimLyon.siret;
    const nantes = F.atlantiqueNantes.siret;
    const btp = await kit.createDraft(A.marc, lyon, 'BTP');
    const chrono = await kit.createDraft(A.marc, nantes, 'CHRONO');
    const search = async (text: string) =>
      (await kit.page(kit.app.brouillons, { actor: A.marc, search: text })).rows.map((r) => r.dossierId);
    expect(await search('chrono')).toEqual([chrono]);
    expect(await search('CHRONO')).toEqual([chrono]);
    expect(await search('societe')).toEqual([btp]);
    expect(await search('SOCIÉTÉ bâtiment')).toEqual([btp]);
    expect(await search('intérim')).toEqual([chrono, btp]);
    expect(await search('10001')).toEqual([btp]);
    expect(await search('chrono societe')).toEqual([]);
    expect(await search('   ')).toEqual([chrono, btp]);
  });

  it('R-25 the advanced search filters on card type, state, SIRET, number and dates', async () => {
    const lyon = F.batimentInterimLyon.siret;
    const grenoble = F.batimentInterimGrenoble.siret;
    const a = await kit.createDraft(A.marc, lyon, 'CHRONO');
    const b = await kit.createDraft(A.marc, grenoble, 'CHRONO');
    const c = await kit.createDraft(A.marc, grenoble, 'BTP');
    const ps = await kit.submitPresaisie(A.julien, lyon, 'CHRONO');
    await kit.completeAndTransmit(a, A.marc);
    const ids = async (list: 'brouillons' | 'dossiers', filters: Record<string, unknown>) =>
      (await kit.page(kit.app[list], { actor: A.marc, filters })).rows.map((r) => r.dossierId).sort();
    expect(await ids('brouillons', { cardType: 'BTP' })).toEqual([c]);
    expect(await ids('brouillons', { state: 'presaisie' })).toEqual([ps]);
    expect(await ids('brouillons', { state: ['presaisie', 'draft'] })).toEqual([b, c, ps].sort());
    expect(await ids('brouillons', { siret: grenoble })).toEqual([b, c].sort());
    expect(await ids('brouillons', { siret: grenoble, cardType: 'CHRONO' })).toEqual([b]);
    expect(await ids('brouillons', { number: '10004' })).toEqual([ps]);
    expect(await ids('dossiers', { number: '2512af' })).toEqual([a]);
    expect(await ids('brouillons', { createdFrom: '2025-12-01', createdTo: '2025-12-01' })).toEqual(
      [b, c, ps].sort(),
    );
    expect(await ids('brouillons', { createdFrom: '2025-12-02' })).toEqual([]);
    expect(await ids('dossiers', { transmittedFrom: '2025-12-01', transmittedTo: '2025-12-31' })).toEqual([
      a,
    ]);
    expect(await ids('dossiers', { transmittedTo: '2025-11-30' })).toEqual([]);
    expect(await ids('dossiers', { state: 'draft' })).toEqual([]);
  });

  it('R-25 a bad page or date is a FORMAT error naming the field', async () => {
    const badPage = await kit.app.brouillons.list({ actor: A.claire, page: 0 });
    expect(badPage).toEqual(E.left(expect.objectContaining({ code: 'FORMAT', field: 'page' })));
    const badDate = await kit.app.dossiers.list({ actor: A.claire, filters: { createdFrom: '01/12/2025' } });
    expect(badDate).toEqual(
      E.left(
        expect.objectContaining({
          code: 'FORMAT',
          field: 'filters.createdFrom',
          message: expect.stringContaining('AAAA-MM-JJ'),
        }),
      ),
    );
    const badState = await kit.app.dossiers.list({ actor: A.claire, filters: { state: 'lost' as never } });
    expect(badState).toEqual(E.left(expect.objectContaining({ code: 'FORMAT', field: 'filters.state' })));
    const noActor = await kit.app.dossiers.list({ actor: { role: 'visitor' } as never });
    expect(noActor).toEqual(E.left(expect.objectContaining({ code: 'FORMAT', field: 'actor.role' })));
  });

  it.each([
    // A day that does not exist: Date.parse reads it as a day of March, and the list filtered on that.
    ['2026-02-30'],
    ['2025-02-29'],
    ['2026-04-31'],
    ['2026-00-10'],
  ])('R-25 refuses %s as a date of the advanced search, a day that does not exist', async (day) => {
    const result = await kit.app.dossiers.list({ actor: A.claire, filters: { createdFrom: day } });
    expect(result).toEqual(
      E.left(
        expect.objectContaining({
          code: 'FORMAT',
          field: 'filters.createdFrom',
          message: `Créé à partir du : Date invalide (reçu : « ${day} ») : attendu une date qui existe, au format AAAA-MM-JJ`,
        }),
      ),
    );
  });

  it.each([
    // the person reads the search form's labels (the portal's), the path stays in `field`.
    [{ page: 0 }, 'page', 'Page : '],
    [{ search: 'a\u0000' }, 'search', 'Recherche : '],
    [{ filters: { number: 'x'.repeat(51) } }, 'filters.number', 'Numéro : '],
    [{ filters: { cardType: 7 } }, 'filters.cardType', 'Dispositif : '],
    [{ filters: { siret: ['a'] } }, 'filters.siret', 'SIRET : '],
    [{ filters: { siren: 'a\u0000' } }, 'filters.siren', 'SIREN : '],
    [{ filters: { createdTo: 'hier' } }, 'filters.createdTo', "Créé jusqu'au : "],
    [{ filters: { transmittedFrom: 'hier' } }, 'filters.transmittedFrom', 'Transmis à partir du : '],
    [{ filters: { transmittedTo: 'hier' } }, 'filters.transmittedTo', "Transmis jusqu'au : "],
    [{ filters: { colour: 'red' } }, 'filters.colour', 'Recherche avancée : '],
    [{ sort: { by: 'colour', direction: 'asc' } }, 'sort.by', 'Tri : '],
    [{ sort: { by: 'number', direction: 'up' } }, 'sort.direction', 'Ordre du tri : '],
  ])('R-43 R-25 a bad %j names the search form field by its label', async (request, field, start) => {
    const result = await kit.app.dossiers.list({ actor: A.claire, ...(request as object) });
    expect(result).toEqual(E.left(expect.objectContaining({ code: 'FORMAT', field })));
    const message = E.isLeft(result) ? result.left.message : '';
    expect(message.startsWith(start)).toBe(true);
    expect(message).not.toContain('Champ «');
  });

  it('R-43 R-25 an unknown state names the field Etat and lists the states a list can filter on', async () => {
    const result = await kit.app.dossiers.list({ actor: A.claire, filters: { state: 'ZZZ' as never } });
    expect(result).toEqual(
      E.left(
        expect.objectContaining({
          code: 'FORMAT',
          field: 'filters.state',
          message:
            'Etat : État inconnu (reçu : « ZZZ ») : attendu un de none, presaisie, draft, removed, transmitted, instruction, complementsRequested, complementSubmitted, granted, refused, reimbursed, closed, cancelled, ou une liste de ceux-ci',
        }),
      ),
    );
  });
});
