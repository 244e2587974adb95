import { FIXTURE_ESTABLISHMENTS as F } from '@cartes-badges/domain/fixtures';
import { createListsTestApplication, LIST_ACTORS as A } from '../testing/read-side-test-kit';

const CLICHY = F.interimServicesClichy.siret;
const LYON = F.batimentInterimLyon.siret;
const NANTES = F.atlantiqueNantes.siret;
const LILLE = F.hautsDeFranceLille.siret;

describe('list scoping (R-26) and row actions (R-27, R-28, R-30)', () => {
  let kit: ReturnType<typeof createListsTestApplication>;
  beforeEach(() => {
    kit = createListsTestApplication();
    kit.app.start();
  });
  afterEach(async () => {
    await kit.app.stop();
  });
  const ids = async (list: 'brouillons' | 'dossiers', actor: Parameters<typeof kit.page>[1]['actor']) =>
    (await kit.page(kit.app[list], { actor })).rows.map((r) => r.dossierId).sort();

  it('R-26 an employer user sees only the SIREN/SIRET it is attached to; naming one SIRET narrows it', async () => {
    const clichy = await kit.createDraft(A.claire, CLICHY);
    const lyon = await kit.createDraft(A.marc, LYON);
    const nantes = await kit.createDraft(A.marc, NANTES);
    const lille = await kit.createDraft(A.sophie, LILLE);
    await kit.completeAndTransmit(lille, A.sophie);
    expect(await ids('brouillons', A.claire)).toEqual([clichy]);
    expect(await ids('brouillons', A.marc)).toEqual([lyon, nantes].sort());
    expect(await ids('brouillons', { ...A.marc, siret: NANTES as never })).toEqual([nantes]);
    expect(await ids('brouillons', { ...A.marc, siren: F.batimentInterimLyon.siren as never })).toEqual([
      lyon,
    ]);
    expect(await ids('brouillons', A.sophie)).toEqual([]);
    expect(await ids('dossiers', A.sophie)).toEqual([lille]);
    expect(await ids('dossiers', A.claire)).toEqual([]);
    // A filter cannot widen the scope.
    const widened = await kit.page(kit.app.brouillons, { actor: A.claire, filters: { siret: LYON } });
    expect(widened.total).toBe(0);
  });

  it('R-26 a provider sees the pré-saisies it submitted and their outcome, not others', async () => {
    const refused = await kit.submitPresaisie(A.julien, CLICHY);
    const accepted = await kit.submitPresaisie(A.julien, CLICHY);
    const waiting = await kit.submitPresaisie(A.julien, LYON);
    const byOther = await kit.submitPresaisie(A.amina, CLICHY, 'BTP');
    await kit.createDraft(A.claire, CLICHY);
    await kit.on('RefusePresaisie', A.claire, refused, { reason: 'Doublon' });
    await kit.on('AcceptPresaisie', A.claire, accepted);
    const page = await kit.page(kit.app.brouillons, { actor: A.julien });
    expect(Object.fromEntries(page.rows.map((r) => [r.dossierId, r.state]))).toEqual({
      [refused]: 'Pré-saisie refusée',
      [accepted]: 'En cours de saisie',
      [waiting]: 'Pré-saisie à valider',
    });
    expect(page.rows.every((r) => r.actions.join() === 'consult')).toBe(true);
    expect(await ids('brouillons', A.amina)).toEqual([byOther]);
    await kit.completeAndTransmit(accepted, A.claire);
    expect(await ids('dossiers', A.julien)).toEqual([accepted]);
    expect(await ids('dossiers', A.amina)).toEqual([]);
  });

  it('R-26 a case manager sees the transmitted dossiers of every company and no draft', async () => {
    const a = await kit.createDraft(A.claire, CLICHY);
    const b = await kit.createDraft(A.sophie, LILLE);
    await kit.createDraft(A.marc, LYON);
    await kit.submitPresaisie(A.julien, CLICHY);
    await kit.completeAndTransmit(a, A.claire);
    await kit.completeAndTransmit(b, A.sophie);
    expect(await ids('dossiers', A.nathalie)).toEqual([a, b].sort());
    expect(await ids('brouillons', A.nathalie)).toEqual([]);
    const page = await kit.page(kit.app.dossiers, { actor: A.nathalie });
    expect(page.rows.map((r) => r.number)).toEqual(['2512AF000002', '2512AF000001']);
  });

  it('R-27 a draft offers resume, duplicate and delete; a duplicate and a delete show in the list', async () => {
    const source = await kit.createDraft(A.claire, CLICHY);
    await kit.on('ChangeCostLines', A.claire, source, {
      lines: [{ nature: 'Achat Matériel', unitAmountCents: 980, quantity: 10 }],
    });
    const [row] = (await kit.page(kit.app.brouillons, { actor: A.claire })).rows;
    expect(row.actions).toEqual(['resume', 'duplicate', 'delete']);
    const copy = (
      await kit.run({ type: 'DuplicateDraft', actor: A.claire, payload: { sourceDossierId: source } })
    ).dossierId;
    const afterCopy = await kit.page(kit.app.brouillons, { actor: A.claire });
    expect(afterCopy.rows.map((r) => [r.dossierId, r.number, r.totalHt.formatted])).toEqual([
      [copy, '10002', '98,00 €'],
      [source, '10001', '98,00 €'],
    ]);
    await kit.on('DeleteDraft', A.claire, source);
    const afterDelete = await kit.page(kit.app.brouillons, { actor: A.claire });
    expect(afterDelete.rows.map((r) => r.dossierId)).toEqual([copy]);
    expect(afterDelete.total).toBe(1);
    expect((await kit.page(kit.app.dossiers, { actor: A.claire })).total).toBe(0);
  });

  it('R-28 a dossier row offers consult, and shows the state as instruction moves on', async () => {
    const id = await kit.createDraft(A.claire, CLICHY);
    await kit.completeAndTransmit(id, A.claire);
    const state = async () => (await kit.page(kit.app.dossiers, { actor: A.claire })).rows[0];
    expect(await state()).toEqual(expect.objectContaining({ state: 'Transmis', actions: ['consult'] }));
    await kit.on('StartInstruction', A.nathalie, id);
    expect((await state()).state).toBe("En cours d'instruction");
    await kit.on('RequestComplements', A.nathalie, id, { message: 'Facture illisible' });
    expect((await state()).state).toBe('Demande de compléments');
    const byManager = await kit.page(kit.app.dossiers, {
      actor: A.nathalie,
      filters: { state: 'complementsRequested' },
    });
    expect(byManager.rows[0]).toEqual(expect.objectContaining({ dossierId: id, actions: ['consult'] }));
  });

  it('R-30 R-39 a pré-saisie awaiting acceptance offers consult, accept and refuse; once accepted, a draft that can still be refused but not deleted', async () => {
    const ps = await kit.submitPresaisie(A.julien, CLICHY);
    const [waiting] = (await kit.page(kit.app.brouillons, { actor: A.claire })).rows;
    expect(waiting).toEqual(
      expect.objectContaining({
        state: 'Pré-saisie à valider',
        actions: ['consult', 'accept', 'refuse'],
        provider: expect.objectContaining({ siren: A.julien.siren, name: 'Chronotachy Services Formation' }),
        totalHt: { cents: 52_500, formatted: '525,00 €' },
      }),
    );
    await kit.on('AcceptPresaisie', A.claire, ps);
    const [accepted] = (await kit.page(kit.app.brouillons, { actor: A.claire })).rows;
    expect(accepted).toEqual(
      expect.objectContaining({
        state: 'En cours de saisie',
        actions: ['resume', 'duplicate', 'refuse'],
      }),
    );
  });

  it("R-31 a refused pré-saisie leaves the employer's drafts list", async () => {
    const ps = await kit.submitPresaisie(A.julien, CLICHY);
    const mine = await kit.createDraft(A.claire, CLICHY);
    await kit.on('RefusePresaisie', A.claire, ps);
    expect(await ids('brouillons', A.claire)).toEqual([mine]);
  });

  it('R-32 a pré-saisie refused after acceptance and changes leaves the list too', async () => {
    const ps = await kit.submitPresaisie(A.julien, CLICHY);
    await kit.on('AcceptPresaisie', A.claire, ps);
    await kit.on('ChangeComment', A.claire, ps, { comment: 'à revoir' });
    await kit.on('RefusePresaisie', A.claire, ps, { reason: 'Mauvais tarif' });
    expect(await ids('brouillons', A.claire)).toEqual([]);
    expect((await kit.page(kit.app.brouillons, { actor: A.julien })).rows[0].state).toBe(
      'Pré-saisie refusée',
    );
  });

  it('R-33 a completed pré-saisie is transmitted as any other draft and moves to Dossiers', async () => {
    const ps = await kit.submitPresaisie(A.julien, CLICHY);
    await kit.on('AcceptPresaisie', A.claire, ps);
    await kit.completeAndTransmit(ps, A.claire);
    expect(await ids('brouillons', A.claire)).toEqual([]);
    const [row] = (await kit.page(kit.app.dossiers, { actor: A.claire })).rows;
    expect(row).toEqual(
      expect.objectContaining({ dossierId: ps, state: 'Transmis', number: '2512AF000001' }),
    );
  });
});
