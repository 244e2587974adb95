import * as E from 'fp-ts/Either';
import { createInMemoryProviderDirectory } from '../ports';
import {
  allEvents,
  completeDraftThroughService,
  createDraftCommand as createCommand,
  createTestDossierService,
  executeOk as ok,
  CSD_PROVIDER,
  employer,
  HUM_CLICHY,
  OTHER_PROVIDER,
  otherEmployer,
  pdfBytes,
  pngBytes,
  provider,
} from '../testing';
import { scopedDossierId } from '../dossier';
import { assertRight } from '@cartes-badges/eventsourcing/testing';

describe('the dossier service', () => {
  it('R-02 creates the draft at once, with its draft number and the INSEE snapshot looked up by SIRET', async () => {
    const { service } = createTestDossierService();
    const result = await ok(service, createCommand('c-1'));
    expect(result.dossierId).toBe(scopedDossierId(employer, 'c-1'));
    expect(result.version).toBe(0);
    expect(result.state).toEqual(
      expect.objectContaining({ status: 'draft', draftNumber: 10001, establishment: HUM_CLICHY }),
    );
  });

  it('R-03 a user with several SIREN picks the company, then the establishment, then the card type; a single SIRET goes to the card type', async () => {
    const { service } = createTestDossierService();
    expect(await service.creationChoices('multi')).toEqual({
      step: 'company',
      companies: [
        { siren: '401015938', name: 'HUM INTERIM' },
        { siren: '552081317', name: 'SIAE TRAVAIL NORD' },
      ],
    });
    expect(await service.creationChoices('multi', { siren: '401015938' })).toEqual({
      step: 'establishment',
      siren: '401015938',
      establishments: [
        { siret: '40101593800012', name: 'HUM INTERIM', city: 'CLICHY' },
        { siret: '40101593800020', name: 'HUM INTERIM', city: 'LYON' },
      ],
    });
    const card = await service.creationChoices('multi', { siret: '40101593800020' });
    expect(card).toEqual(expect.objectContaining({ step: 'cardType', siret: '40101593800020' }));
    expect(await service.creationChoices('clichy-only')).toEqual({
      step: 'cardType',
      siren: '401015938',
      siret: '40101593800012',
      cardTypes: [
        { code: 'CHRONO', label: 'Carte chronotachygraphe (chrono)' },
        { code: 'BTP', label: 'Carte BTP' },
      ],
    });
    expect((await service.creationChoices('nobody')).step).toBe('none');
    expect((await service.creationChoices('clichy-only', { siret: '55208131700018' })).step).toBe('none');
  });

  it('R-04 a user of another company can neither read nor change the dossier; nothing is written', async () => {
    const { service, store } = createTestDossierService();
    const { dossierId } = await ok(service, createCommand('c-1'));
    expect(await service.load(dossierId, otherEmployer)).toEqual(
      E.left(expect.objectContaining({ code: 'NOT_AUTHORISED' })),
    );
    assertRight(await service.load(dossierId, employer));
    const before = await allEvents(store);
    const refused = await service.execute({
      type: 'ChangeComment',
      commandId: 'x',
      actor: otherEmployer,
      dossierId,
      payload: { comment: 'intrus' },
    });
    expect(refused).toEqual(E.left(expect.objectContaining({ code: 'NOT_AUTHORISED' })));
    expect(await allEvents(store)).toEqual(before);
  });

  it('R-12 the provider is looked up in SIRENE once; replaying the dossier never calls the base again', async () => {
    let calls = 0;
    const directory = createInMemoryProviderDirectory([CSD_PROVIDER, OTHER_PROVIDER]);
    const counting = {
      findBySiren: (siren: Parameters<typeof directory.findBySiren>[0]) => (
        (calls += 1),
        directory.findBySiren(siren)
      ),
      findBySiret: (siret: Parameters<typeof directory.findBySiret>[0]) => (
        (calls += 1),
        directory.findBySiret(siret)
      ),
    };
    const { service } = createTestDossierService({ providers: counting });
    const { dossierId } = await ok(service, createCommand('c-1'));
    await ok(service, {
      type: 'SelectProvider',
      commandId: 'p-1',
      actor: employer,
      dossierId,
      payload: { search: '44306184100013' },
    });
    expect(calls).toBe(1);
    const loaded = await service.load(dossierId);
    expect(assertRight(loaded).provider).toEqual(OTHER_PROVIDER);
    expect(calls).toBe(1);
    const missing = await service.execute({
      type: 'SelectProvider',
      commandId: 'p-2',
      actor: employer,
      dossierId,
      payload: { search: '732829320' },
    });
    expect(missing).toEqual(E.left(expect.objectContaining({ code: 'PROVIDER_NOT_FOUND' })));
  });

  it('R-20 a file whose content is not its format, or too big, is refused naming the field; nothing stored', async () => {
    const { service, store, blobStore } = createTestDossierService();
    const { dossierId } = await ok(service, createCommand('c-1'));
    const before = await allEvents(store);
    const attach = (fileName: string, content: Uint8Array, commandId: string) =>
      service.execute({
        type: 'AttachDocument',
        commandId,
        actor: employer,
        dossierId,
        payload: { documentType: 'Facture entreprise', fileName, content },
      });
    expect(await attach('facture.pdf', pngBytes(), 'a-1')).toEqual(
      E.left(
        expect.objectContaining({
          code: 'FORMAT',
          field: 'payload.file',
          problems: [expect.objectContaining({ code: 'FILE_CONTENT_MISMATCH' })],
        }),
      ),
    );
    const big = new Uint8Array(20 * 1024 * 1024 + 1);
    big.set(pdfBytes());
    expect(await attach('gros.pdf', big, 'a-2')).toEqual(
      E.left(
        expect.objectContaining({
          code: 'FORMAT',
          problems: [expect.objectContaining({ code: 'FILE_TOO_LARGE' })],
        }),
      ),
    );
    expect(await attach('virus.exe', pdfBytes(), 'a-3')).toEqual(
      E.left(expect.objectContaining({ code: 'FORMAT', field: 'payload.fileName' })),
    );
    expect(await allEvents(store)).toEqual(before);
    expect(blobStore.count()).toBe(0);
    const accepted = await ok(service, {
      type: 'AttachDocument',
      commandId: 'a-4',
      actor: employer,
      dossierId,
      payload: { documentType: 'Facture entreprise', fileName: 'facture.png', content: pngBytes() },
    });
    const event = accepted.events[0];
    expect(event.type === 'DocumentAttached' && event.data.file).toEqual(
      expect.objectContaining({ name: 'facture.png', format: 'png', mediaType: 'image/png', size: 16 }),
    );
    expect(blobStore.count()).toBe(1);
  });

  it('R-22 after transmission a document can still be added from the dossier page', async () => {
    const { service } = createTestDossierService();
    const dossierId = await completeDraftThroughService(service, 'd');
    await ok(service, { type: 'TransmitDossier', commandId: 't-1', actor: employer, dossierId });
    const added = await ok(service, {
      type: 'AttachDocument',
      commandId: 'late',
      actor: employer,
      dossierId,
      payload: { documentType: 'Autre', fileName: 'oubli.pdf', content: pdfBytes('oubli') },
    });
    expect(added.state.documents.at(-1)).toEqual(
      expect.objectContaining({ documentType: 'Autre', attachedAfterTransmission: true }),
    );
  });

  it('R-24 transmission gives the number YYMMAF + 6 digits of the month and the state Transmis; R-23 an invalid one takes no number', async () => {
    const { service, store } = createTestDossierService();
    const incomplete = await ok(service, createCommand('inc'));
    const before = await allEvents(store);
    expect(
      await service.execute({
        type: 'TransmitDossier',
        commandId: 't-0',
        actor: employer,
        dossierId: incomplete.dossierId,
      }),
    ).toEqual(
      E.left(
        expect.objectContaining({
          code: 'INVALID_INPUT',
          message: expect.stringMatching(/^Saisie invalide/),
        }),
      ),
    );
    expect(await allEvents(store)).toEqual(before);
    const dossierId = await completeDraftThroughService(service, 'd');
    const transmitted = await ok(service, {
      type: 'TransmitDossier',
      commandId: 't-1',
      actor: employer,
      dossierId,
    });
    expect(transmitted.state.dossierNumber).toBe('2512AF000001');
    expect(transmitted.state.status).toBe('transmitted');
  });

  it('R-36 a retried "Créer un nouveau dossier" (same command id) makes no second draft and takes no second number', async () => {
    const { service, store } = createTestDossierService();
    const first = await ok(service, createCommand('create-once'));
    const again = await ok(service, createCommand('create-once'));
    const concurrent = await Promise.all([1, 2, 3].map(() => service.execute(createCommand('create-once'))));
    expect(again).toEqual(
      expect.objectContaining({ dossierId: first.dossierId, alreadyHandled: true, version: 0 }),
    );
    expect(concurrent.every((r) => assertRight(r).dossierId === first.dossierId)).toBe(true);
    const events = await allEvents(store);
    expect(events.filter((e) => e.type === 'DraftCreated')).toHaveLength(1);
    expect(events.filter((e) => e.type === 'NumberReserved')).toHaveLength(1);
  });

  it('R-36 a retried transmission does not take a second number', async () => {
    const { service, store } = createTestDossierService();
    const dossierId = await completeDraftThroughService(service, 'd');
    const transmit = { type: 'TransmitDossier', commandId: 'transmit-1', actor: employer, dossierId };
    const [a, b] = await Promise.all([service.execute(transmit), service.execute(transmit)]);
    const c = await ok(service, transmit);
    const numbers = [a, b].map((r) => (E.isRight(r) ? r.right.state.dossierNumber : null));
    expect(numbers).toEqual(['2512AF000001', '2512AF000001']);
    expect(c.alreadyHandled).toBe(true);
    const events = await allEvents(store);
    expect(events.filter((e) => e.type === 'Transmitted')).toHaveLength(1);
    expect(events.filter((e) => e.streamId === 'numbering-dossier-2512')).toHaveLength(1);
  });

  it('R-29 a provider known to SIRENE submits a pré-saisie; R-30 the employer reads it and accepts it', async () => {
    const { service } = createTestDossierService();
    const submitted = await ok(service, {
      type: 'SubmitPresaisie',
      commandId: 'ps-1',
      actor: provider,
      payload: {
        siret: HUM_CLICHY.siret,
        cardType: 'CHRONO',
        costLines: [{ nature: 'Achat Matériel', unitAmountCents: 5250, quantity: 10 }],
      },
    });
    expect(submitted.state.presaisieProvider).toEqual(CSD_PROVIDER);
    assertRight(await service.load(submitted.dossierId, employer));
    const acceptedPs = await ok(service, {
      type: 'AcceptPresaisie',
      commandId: 'acc',
      actor: employer,
      dossierId: submitted.dossierId,
    });
    expect(acceptedPs.state.status).toBe('draft');
  });

  it('R-34 (part) a retried refusal writes one PresaisieRefused, so the provider is notified once', async () => {
    const { service, store } = createTestDossierService();
    const submitted = await ok(service, {
      type: 'SubmitPresaisie',
      commandId: 'ps-2',
      actor: provider,
      payload: { siret: HUM_CLICHY.siret, cardType: 'CHRONO', costLines: [] },
    });
    const refuse = {
      type: 'RefusePresaisie',
      commandId: 'refuse-1',
      actor: employer,
      dossierId: submitted.dossierId,
    };
    await Promise.all([service.execute(refuse), service.execute(refuse)]);
    const again = await ok(service, refuse);
    expect(again.alreadyHandled).toBe(true);
    expect((await allEvents(store)).filter((e) => e.type === 'PresaisieRefused')).toHaveLength(1);
  });
});
