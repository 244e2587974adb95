import * as E from 'fp-ts/Either';
import type { DossierActor, DossierView } from '@cartes-badges/domain';
import { FIXTURE_ESTABLISHMENTS } from '@cartes-badges/domain/fixtures';
import { createListsTestApplication, LIST_ACTORS as A } from '../testing/read-side-test-kit';
import { pdfBytes } from '@cartes-badges/domain/testing';
import { assertRight } from '@cartes-badges/eventsourcing/testing';

// The guide's whole journey, driven the way a portal would: only `view`, `execute` and the
// read side (`row`, `list`), checking at each step what the screen shows.
describe('the guide, screen by screen (view, execute, read side only)', () => {
  let kit: ReturnType<typeof createListsTestApplication>;
  beforeEach(() => {
    kit = createListsTestApplication();
    kit.app.start();
  });
  afterEach(async () => {
    await kit.app.stop();
  });

  const view = async (id: string, actor: DossierActor): Promise<DossierView> => {
    const result = await kit.app.service.view(id, actor);
    if (E.isLeft(result)) throw new Error(`view refused: ${JSON.stringify(result.left)}`);
    return result.right;
  };
  const actions = (v: DossierView) => v.actions.map((a) => a.type);
  const tab = (v: DossierView, name: string) => v.tabs.find((t) => t.tab === name);
  const row = async (list: 'brouillons' | 'dossiers', id: string, actor: DossierActor) => {
    await kit.app.whenIdle();
    return kit.app[list].row({ actor, id });
  };
  const send = (type: string, dossierId: string, actor: DossierActor, payload?: unknown) =>
    kit.app.service.execute({
      type,
      commandId: `journey-${type}-${Math.random()}`,
      actor,
      dossierId,
      ...(payload === undefined ? {} : { payload }),
    });

  it('R-02..R-24 R-35 an employer creates, fills, documents and transmits; the case manager instructs to the end', async () => {
    // Créer un nouveau dossier: a draft at once, Employeur from INSEE, email missing.
    const created = await kit.app.service.execute({
      type: 'CreateDraft',
      commandId: 'journey-create',
      actor: A.claire,
      payload: { siret: FIXTURE_ESTABLISHMENTS.interimServicesClichy.siret, cardType: 'CHRONO' },
    });
    if (E.isLeft(created)) throw new Error(created.left.message);
    const id = created.right.dossierId;
    let screen = await view(id, A.claire);
    expect(screen).toEqual(
      expect.objectContaining({
        title: 'Brouillon n° 10001',
        statusLabel: 'En cours de saisie',
        cardType: { code: 'CHRONO', label: 'Carte chronotachygraphe (chrono)' },
        valid: false,
      }),
    );
    expect(screen.tabs.map((t) => t.tab)).toEqual(['Employeur', 'Prestation', 'Synthèse', 'Documents']);
    expect(tab(screen, 'Employeur')?.messages).toEqual([
      expect.objectContaining({
        field: 'contactEmail',
        label: 'Email de contact',
        message: 'Saisie obligatoire',
      }),
    ]);
    expect(tab(screen, 'Employeur')?.statusLabel).toBe(
      'Des données obligatoires sont absentes ou des règles de gestion non valides',
    );
    expect(screen.documents.progress.label).toBe('0/2 types de documents obligatoires à transmettre');
    expect(screen.documents.types.map((t) => [t.documentType, t.required, t.filesLabel])).toEqual([
      ['Copie facture prestataire', true, 'Aucun fichier chargé'],
      ['Facture entreprise', true, 'Aucun fichier chargé'],
      ['Autre', false, 'Aucun fichier chargé'],
      ["Attestation de l'employeur", false, 'Aucun fichier chargé'],
    ]);
    expect(screen.documents.fileRules.label).toBe(
      'Poids : 20Mo maximum Formats acceptés : pdf, jpg, png, xls, xlsx, docx, csv, 5 fichiers maximum.',
    );
    expect(actions(screen)).toEqual([
      'SaveDraft',
      'TransmitDossier',
      'AttachDocument',
      'DuplicateDraft',
      'DeleteDraft',
    ]);
    const draftRow = await row('brouillons', '10001', A.claire);
    expect(draftRow).toEqual(
      E.right(
        expect.objectContaining({
          dossierId: id,
          state: 'En cours de saisie',
          cardType: { code: 'CHRONO', label: 'Carte chronotachygraphe (chrono)' },
          actions: ['resume', 'duplicate', 'delete'],
        }),
      ),
    );

    // Enregistrer, as typed: SIRET with separators, amount in French.
    const saved = await send('SaveDraft', id, A.claire, {
      contactEmail: 'claire.martin@interim-services.fr',
      providerSearch: '790.543.219.00014',
      internalReference: 'BC-2026-01',
      costLines: [{ nature: 'Achat Matériel', unitAmount: '52,50 €', quantity: 3 }],
    });
    assertRight(saved);
    screen = await view(id, A.claire);
    expect(tab(screen, 'Employeur')?.status).toBe('valid');
    expect(tab(screen, 'Employeur')?.statusLabel).toBe('Onglet validé');
    expect(tab(screen, 'Prestation')?.status).toBe('valid');
    expect(screen.prestation.costLines).toEqual([
      {
        costType: 'Coût',
        nature: 'Achat Matériel',
        unitAmount: { cents: 5250, formatted: '52,50 €' },
        quantity: 3,
        lineTotal: { cents: 15_750, formatted: '157,50 €' },
      },
    ]);
    // Synthèse: main data and total.
    expect(screen.synthesis).toEqual(
      expect.objectContaining({ cardCount: 3, unitCosts: ['52,50 €'], totalAmount: '157,50 €' }),
    );
    expect(tab(screen, 'Synthèse')?.messages.map((m) => m.label)).toEqual([
      "Attestation sur l'honneur",
      'Conditions Générales',
    ]);
    const cg = screen.attestations.find((a) => a.attestation === 'generalConditions');
    expect(cg).toEqual(
      expect.objectContaining({
        tab: 'Synthèse',
        given: false,
        label: expect.stringMatching(/via le lien suivant : « Conditions générales - Akto »$/),
        link: expect.objectContaining({ text: 'Conditions générales - Akto' }),
      }),
    );
    expect(screen.attestations.find((a) => a.attestation === 'supportingDocuments')?.tab).toBe('Documents');

    // Transmettre too early: "Saisie invalide" with the tabs; nothing changes.
    const early = await send('TransmitDossier', id, A.claire);
    expect(early).toEqual(
      E.left(
        expect.objectContaining({ code: 'INVALID_INPUT', message: 'Saisie invalide : Synthèse, Documents' }),
      ),
    );

    // Attestations, the two required documents and an optional one.
    await send('SaveDraft', id, A.claire, {
      attestations: { honour: true, generalConditions: true, supportingDocuments: true },
      comment: 'Cartes pour trois nouveaux chauffeurs',
    });
    for (const documentType of [
      'Copie facture prestataire',
      'Facture entreprise',
      "Attestation de l'employeur",
    ]) {
      const attached = await send('AttachDocument', id, A.claire, {
        documentType,
        fileName: 'piece.pdf',
        content: pdfBytes(documentType),
      });
      assertRight(attached);
    }
    screen = await view(id, A.claire);
    expect(screen.valid).toBe(true);
    expect(screen.documents.progress).toEqual(
      expect.objectContaining({ label: '2/2 types de documents obligatoires à transmettre', complete: true }),
    );
    expect(
      screen.documents.types.find((t) => t.documentType === "Attestation de l'employeur")?.files,
    ).toEqual([
      expect.objectContaining({ name: 'piece.pdf', removable: true, attachedAfterTransmission: false }),
    ]);

    // Transmettre: the confirmation, the number, the lists.
    const transmitted = await send('TransmitDossier', id, A.claire);
    if (E.isLeft(transmitted)) throw new Error(transmitted.left.message);
    const number = transmitted.right.state.dossierNumber ?? '';
    expect(transmitted.right.confirmation).toBe(`Votre demande n° ${number} a bien été transmise.`);
    screen = await view(id, A.claire);
    expect(screen).toEqual(
      expect.objectContaining({ title: `Dossier n° ${number}`, statusLabel: 'Transmis' }),
    );
    expect(actions(screen)).toEqual(['AttachDocument', 'CancelDossier']);
    expect(screen.documents.types.flatMap((t) => t.files).every((f) => !f.removable)).toBe(true);
    expect(screen.instruction.amountAsked).toEqual({ cents: 15_750, formatted: '157,50 €' });
    expect(await row('brouillons', id, A.claire)).toEqual(
      E.left(expect.objectContaining({ code: 'DOSSIER_NOT_FOUND' })),
    );
    expect(await row('dossiers', number, A.claire)).toEqual(
      E.right(expect.objectContaining({ dossierId: id, state: 'Transmis', actions: ['consult'] })),
    );

    // The case manager instructs; each screen shows the state and the next moves.
    expect(actions(await view(id, A.nathalie))).toEqual(['StartInstruction', 'CancelDossier']);
    await send('StartInstruction', id, A.nathalie);
    await send('RequestComplements', id, A.nathalie, { message: 'Merci de joindre le devis signé' });
    screen = await view(id, A.claire);
    expect(screen.statusLabel).toBe('Demande de compléments');
    expect(screen.instruction.complementsRequest).toBe('Merci de joindre le devis signé');
    expect(actions(screen)).toEqual(['AttachDocument', 'SubmitComplement', 'CancelDossier']);
    await send('AttachDocument', id, A.claire, {
      documentType: 'Autre',
      fileName: 'devis.pdf',
      content: pdfBytes('devis'),
    });
    await send('SubmitComplement', id, A.claire, { comment: 'Devis joint' });
    expect(actions(await view(id, A.nathalie))).toEqual([
      'RequestComplements',
      'GrantFunding',
      'RefuseFunding',
      'CancelDossier',
    ]);
    await send('GrantFunding', id, A.nathalie, { amountGrantedCents: 15_000 });
    await send('RecordReimbursement', id, A.nathalie, { amountPaidCents: 15_000 });
    await send('CloseDossier', id, A.nathalie);
    screen = await view(id, A.claire);
    expect(screen.statusLabel).toBe('Clôturé');
    expect(screen.instruction).toEqual(
      expect.objectContaining({
        amountGranted: { cents: 15_000, formatted: '150,00 €' },
        amountPaid: { cents: 15_000, formatted: '150,00 €' },
      }),
    );
    expect(screen.documents.types.find((t) => t.documentType === 'Autre')?.files).toEqual([
      expect.objectContaining({ name: 'devis.pdf', attachedAfterTransmission: true }),
    ]);
    expect(actions(screen)).toEqual([]);
    expect(await row('dossiers', number, A.nathalie)).toEqual(
      E.right(expect.objectContaining({ state: 'Clôturé' })),
    );
  });

  it('R-29..R-33 R-39 a pré-saisie: read-only with Introduction until accepted, refused rather than deleted, then completed', async () => {
    const id = await kit.submitPresaisie(A.julien, FIXTURE_ESTABLISHMENTS.interimServicesClichy.siret);
    let screen = await view(id, A.claire);
    expect(screen.tabs[0]).toEqual(expect.objectContaining({ tab: 'Introduction', status: 'invalid' }));
    expect(screen.presaisie).toEqual({
      provider: expect.objectContaining({ siren: A.julien.siren }),
      accepted: false,
    });
    expect(actions(screen)).toEqual(['AcceptPresaisie', 'RefusePresaisie']);
    expect(actions(await view(id, A.julien))).toEqual(['AttachDocument']);
    await send('AcceptPresaisie', id, A.claire);
    screen = await view(id, A.claire);
    expect(screen.tabs[0]).toEqual(expect.objectContaining({ tab: 'Introduction', status: 'valid' }));
    // no "Supprimer" on a pré-saisie, even accepted; "Refuser" stays.
    expect(actions(screen)).toEqual([
      'RefusePresaisie',
      'SaveDraft',
      'TransmitDossier',
      'AttachDocument',
      'DuplicateDraft',
    ]);
    expect(await send('DeleteDraft', id, A.claire)).toEqual(
      E.left(expect.objectContaining({ code: 'PRESAISIE_NOT_DELETABLE' })),
    );
    const transmitted = await kit.completeAndTransmit(id, A.claire);
    expect(transmitted.confirmation).toMatch(/^Votre demande n° \d{4}AF\d{6} a bien été transmise\.$/);
    expect(await row('dossiers', id, A.julien)).toEqual(
      E.right(expect.objectContaining({ state: 'Transmis' })),
    );
  });

  it('R-04 R-26 the screen and the row follow the same scoping: another company sees neither', async () => {
    const id = await kit.createDraft(A.claire);
    expect(await kit.app.service.view(id, A.marc)).toEqual(
      E.left(expect.objectContaining({ code: 'NOT_AUTHORISED' })),
    );
    expect(await row('brouillons', id, A.marc)).toEqual(
      E.left(expect.objectContaining({ code: 'DOSSIER_NOT_FOUND' })),
    );
    expect(await row('brouillons', '10001', A.marc)).toEqual(
      E.left(expect.objectContaining({ code: 'DOSSIER_NOT_FOUND' })),
    );
    expect(await row('brouillons', '10001', A.julien)).toEqual(
      E.left(expect.objectContaining({ code: 'DOSSIER_NOT_FOUND' })),
    );
    expect(await row('brouillons', '', A.claire)).toEqual(
      E.left(expect.objectContaining({ code: 'FORMAT', field: 'id' })),
    );
    // From JavaScript, a view without an actor is a refusal, never "no check".
    expect(await kit.app.service.view(id, undefined as never)).toEqual(
      E.left(expect.objectContaining({ code: 'NOT_AUTHORISED' })),
    );
  });
});
