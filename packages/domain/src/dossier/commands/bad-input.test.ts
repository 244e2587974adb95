import * as E from 'fp-ts/Either';
import {
  allEvents,
  assertRefusal,
  caseManager,
  createTestDossierService,
  employer,
  HUM_CLICHY,
  provider,
} from '../../testing';
import type { DossierCommandType } from './dossier-command';
import { DOSSIER_COMMAND_TYPES } from './dossier-command';
import { fieldLabel } from '../field-labels';

const ID = '0b6c1f2e-5a4d-4c3b-8a29-1f0e9d8c7b6a';
const on = (type: string, payload?: unknown, actor: unknown = employer) => ({
  type,
  commandId: `bad-${type}`,
  actor,
  dossierId: ID,
  ...(payload !== undefined ? { payload } : {}),
});

// One malformed input per command, and the field the error must name.
const MALFORMED: Record<DossierCommandType, { input: unknown; field: string }> = {
  CreateDraft: {
    input: {
      type: 'CreateDraft',
      commandId: 'c',
      actor: employer,
      payload: { siret: '40101593800013', cardType: 'CHRONO' },
    },
    field: 'payload.siret',
  },
  SubmitPresaisie: {
    input: {
      type: 'SubmitPresaisie',
      commandId: 'c',
      actor: provider,
      payload: {
        siret: HUM_CLICHY.siret,
        cardType: 'CHRONO',
        costLines: [{ nature: 'Achat Matériel', unitAmountCents: -1, quantity: 1 }],
      },
    },
    field: 'payload.costLines.0.unitAmountCents',
  },
  DuplicateDraft: {
    input: {
      type: 'DuplicateDraft',
      commandId: 'c',
      actor: employer,
      payload: { sourceDossierId: 'brouillon-12' },
    },
    field: 'payload.sourceDossierId',
  },
  ChangeContactEmail: { input: on('ChangeContactEmail', { email: 'amoa1.x' }), field: 'payload.email' },
  SelectProvider: { input: on('SelectProvider', { search: '404833047' }), field: 'payload.search' },
  ChangeInternalReference: {
    input: on('ChangeInternalReference', { internalReference: 'REF-1234567890AB' }),
    field: 'payload.internalReference',
  },
  ChangeCostLines: { input: on('ChangeCostLines', { lines: 'beaucoup' }), field: 'payload.lines' },
  GiveAttestation: { input: on('GiveAttestation', { attestation: 'cgv' }), field: 'payload.attestation' },
  WithdrawAttestation: {
    input: on('WithdrawAttestation', { attestation: 42 }),
    field: 'payload.attestation',
  },
  ChangeComment: { input: on('ChangeComment', { comment: 'x'.repeat(501) }), field: 'payload.comment' },
  SaveDraft: {
    input: on('SaveDraft', { attestations: { honour: 'oui' } }),
    field: 'payload.attestations.honour',
  },
  AttachDocument: {
    input: on('AttachDocument', { documentType: 'Autre', content: new Uint8Array([1]) }),
    field: 'payload.fileName',
  },
  RemoveDocument: { input: on('RemoveDocument', { documentId: 12 }), field: 'payload.documentId' },
  AcceptPresaisie: { input: { ...on('AcceptPresaisie'), dossierId: 'abc' }, field: 'dossierId' },
  RefusePresaisie: { input: on('RefusePresaisie', { reason: 'x'.repeat(1001) }), field: 'payload.reason' },
  DeleteDraft: { input: on('DeleteDraft', undefined, { role: 'adherent' }), field: 'actor.userId' },
  TransmitDossier: { input: { ...on('TransmitDossier'), commandId: '' }, field: 'commandId' },
  StartInstruction: {
    input: on('StartInstruction', undefined, { role: 'admin', userId: 'root' }),
    field: 'actor.role',
  },
  RequestComplements: {
    input: on('RequestComplements', { message: '  ' }, caseManager),
    field: 'payload.message',
  },
  SubmitComplement: { input: on('SubmitComplement', { comment: 5 }), field: 'payload.comment' },
  GrantFunding: {
    input: on('GrantFunding', { amountGrantedCents: 10.5 }, caseManager),
    field: 'payload.amountGrantedCents',
  },
  RefuseFunding: { input: on('RefuseFunding', {}, caseManager), field: 'payload.reason' },
  RecordReimbursement: {
    input: on('RecordReimbursement', { amountPaidCents: '100' }, caseManager),
    field: 'payload.amountPaidCents',
  },
  CloseDossier: { input: { type: 'CloseDossier', commandId: 'c', actor: caseManager }, field: 'dossierId' },
  CancelDossier: { input: on('CancelDossier', { reason: {} }), field: 'payload.reason' },
  ErasePersonalData: { input: on('ErasePersonalData', { reason: 42 }), field: 'payload.reason' },
};

describe('R-08 R-43 bad input: every command with a malformed payload is refused naming the field by its French label; the stream is unchanged', () => {
  it.each(DOSSIER_COMMAND_TYPES)('R-08 R-43 %s', async (type) => {
    const { service, store } = createTestDossierService();
    await service.execute({
      type: 'CreateDraft',
      commandId: 'setup',
      actor: employer,
      dossierId: ID,
      payload: { siret: HUM_CLICHY.siret, cardType: 'CHRONO' },
    });
    const before = await allEvents(store);
    const { input, field } = MALFORMED[type];
    const result = await service.execute(input);
    expect(result).toEqual(E.left(expect.objectContaining({ code: 'FORMAT', field })));
    const error = assertRefusal(result, 'FORMAT');
    // the person reads the label, the program reads `field`.
    expect(fieldLabel(field)).not.toMatch(/Champ «/);
    expect(error?.message.startsWith(`${fieldLabel(field)} : `)).toBe(true);
    expect(error?.message).not.toContain(field.includes('.') ? field : `${field} :`);
    expect(error.problems[0]).toEqual(
      expect.objectContaining({ field, kind: 'format', message: expect.any(String) }),
    );
    expect(await allEvents(store)).toEqual(before);
  });

  it('R-08 an unknown command type, a non-object, and an unknown card type are refused naming the field', async () => {
    const { service, store } = createTestDossierService();
    expect(await service.execute({ type: 'ChangeEmployer' })).toEqual(
      E.left(expect.objectContaining({ code: 'FORMAT', field: 'type' })),
    );
    expect(await service.execute('CreateDraft')).toEqual(
      E.left(expect.objectContaining({ code: 'FORMAT', field: 'command' })),
    );
    expect(
      await service.execute({
        type: 'CreateDraft',
        commandId: 'c',
        actor: employer,
        payload: { siret: HUM_CLICHY.siret, cardType: 'PERMIS_C' },
      }),
    ).toEqual(E.left(expect.objectContaining({ code: 'UNKNOWN_CARD_TYPE', field: 'payload.cardType' })));
    expect(await allEvents(store)).toEqual([]);
  });

  it('covers every command type', () => {
    expect(Object.keys(MALFORMED).sort()).toEqual([...DOSSIER_COMMAND_TYPES].sort());
  });
});
