import * as E from 'fp-ts/Either';
import {
  allEvents,
  assertRefusal,
  caseManager,
  createTestServiceWithADraft,
  CSD_PROVIDER,
  employer,
  HUM_CLICHY,
  provider,
} from '../../testing';
import type { DossierCommandType } from './dossier-command';
import { decodeDossierCommand, DOSSIER_COMMAND_TYPES } from './dossier-command';
import { assertLeft, assertRight } from '@cartes-badges/eventsourcing/testing';

const ID = '0b6c1f2e-5a4d-4c3b-8a29-1f0e9d8c7b6a';
const DOC = '3f2a1b0c-9d8e-4f7a-8b6c-5d4e3f2a1b0c';
const LINE = { nature: 'Achat Matériel', unitAmountCents: 5250, quantity: 2 };

// A well-formed payload per command (undefined: the command takes none), so that the unknown
// field is the only thing wrong with it.
const PAYLOADS: Record<DossierCommandType, unknown> = {
  CreateDraft: { siret: HUM_CLICHY.siret, cardType: 'CHRONO' },
  SubmitPresaisie: { siret: HUM_CLICHY.siret, cardType: 'CHRONO', costLines: [LINE] },
  DuplicateDraft: { sourceDossierId: ID },
  ChangeContactEmail: { email: 'amoa1@hum.fr' },
  SelectProvider: { search: CSD_PROVIDER.siret },
  ChangeInternalReference: { internalReference: 'REF-1' },
  ChangeCostLines: { lines: [LINE] },
  GiveAttestation: { attestation: 'honour' },
  WithdrawAttestation: { attestation: 'honour' },
  ChangeComment: { comment: 'Bonjour' },
  SaveDraft: { comment: 'Bonjour' },
  AttachDocument: { documentType: 'Autre', fileName: 'a.pdf', content: new Uint8Array([37, 80, 68, 70]) },
  RemoveDocument: { documentId: DOC },
  AcceptPresaisie: undefined,
  RefusePresaisie: { reason: 'Erreur' },
  DeleteDraft: undefined,
  TransmitDossier: undefined,
  StartInstruction: undefined,
  RequestComplements: { message: 'Facture manquante' },
  SubmitComplement: { comment: 'Voici' },
  GrantFunding: { amountGrantedCents: 100 },
  RefuseFunding: { reason: 'Hors barème' },
  RecordReimbursement: { amountPaidCents: 100 },
  CloseDossier: undefined,
  CancelDossier: { reason: 'Abandon' },
  ErasePersonalData: { reason: 'Durée de conservation échue' },
};

const actorOf = (type: DossierCommandType) =>
  type === 'SubmitPresaisie'
    ? provider
    : [
          'StartInstruction',
          'RequestComplements',
          'GrantFunding',
          'RefuseFunding',
          'RecordReimbursement',
        ].includes(type)
      ? caseManager
      : employer;

function commandOf(
  type: DossierCommandType,
  extra: Record<string, unknown>,
  payloadExtra?: Record<string, unknown>,
) {
  const payload = PAYLOADS[type];
  return {
    type,
    commandId: `typo-${type}`,
    actor: actorOf(type),
    dossierId: ID,
    ...(payload !== undefined ? { payload: { ...(payload as object), ...payloadExtra } } : {}),
    ...extra,
  };
}

const unknownField = (field: string, name: string) =>
  E.left(
    expect.objectContaining({
      code: 'FORMAT',
      field,
      message: expect.stringContaining(`Champ inconnu : ${name}`),
      problems: [expect.objectContaining({ code: 'UNKNOWN_FIELD', field })],
    }),
  );

describe('R-42 a field the library does not know is refused by name; nothing is written', () => {
  it('R-42 SaveDraft with contactMail (a typo of contactEmail) is refused, not a silent no-op', async () => {
    const { service, store, before } = await createTestServiceWithADraft(ID);
    const result = await service.execute({
      type: 'SaveDraft',
      commandId: 'save-typo',
      actor: employer,
      dossierId: ID,
      payload: { contactMail: 'amoa1@hum.fr' },
    });
    expect(result).toEqual(unknownField('payload.contactMail', 'contactMail'));
    expect(assertLeft(result).message).toContain('contactEmail'); // the accepted fields are listed
    expect(await allEvents(store)).toEqual(before);
    // Spelled right, the same command is accepted: the refusal is about the name alone.
    const spelled = await service.execute({
      type: 'SaveDraft',
      commandId: 'save-right',
      actor: employer,
      dossierId: ID,
      payload: { contactEmail: 'amoa1@hum.fr' },
    });
    expect(assertRight(spelled).events.map((e) => e.type)).toEqual(['ContactEmailChanged']);
  });

  it.each(DOSSIER_COMMAND_TYPES)('R-42 %s: an unknown field of the command is refused', async (type) => {
    const { service, store, before } = await createTestServiceWithADraft(ID);
    expect(await service.execute(commandOf(type, { commandID: 'x' }))).toEqual(
      unknownField('commandID', 'commandID'),
    );
    expect(await allEvents(store)).toEqual(before);
  });

  it.each(DOSSIER_COMMAND_TYPES.filter((type) => PAYLOADS[type] !== undefined))(
    'R-42 %s: an unknown field of the payload is refused',
    async (type) => {
      const { service, store, before } = await createTestServiceWithADraft(ID);
      expect(decodeDossierCommand(commandOf(type, {}))).toEqual(E.right(expect.anything())); // well-formed without it
      expect(await service.execute(commandOf(type, {}, { remarque: 'x' }))).toEqual(
        unknownField('payload.remarque', 'remarque'),
      );
      expect(await allEvents(store)).toEqual(before);
    },
  );

  it.each(DOSSIER_COMMAND_TYPES.filter((type) => PAYLOADS[type] === undefined))(
    'R-42 %s takes no payload: a payload is refused',
    async (type) => {
      const { service, store, before } = await createTestServiceWithADraft(ID);
      expect(await service.execute(commandOf(type, { payload: { reason: 'x' } }))).toEqual(
        unknownField('payload', 'payload'),
      );
      expect(await allEvents(store)).toEqual(before);
    },
  );

  it('R-42 nested objects: a cost line, the attestations and the actor refuse unknown fields', async () => {
    const { service, store, before } = await createTestServiceWithADraft(ID);
    const save = (payload: unknown, actor: unknown = employer) =>
      service.execute({ type: 'SaveDraft', commandId: 'nested', actor, dossierId: ID, payload });
    expect(await save({ costLines: [LINE, { ...LINE, quantite: 2 }] })).toEqual(
      unknownField('payload.costLines.1.quantite', 'quantite'),
    );
    expect(await save({ attestations: { honour: true, honnor: true } })).toEqual(
      unknownField('payload.attestations.honnor', 'honnor'),
    );
    expect(await save({ comment: 'x' }, { ...employer, establishment: HUM_CLICHY.siret })).toEqual(
      unknownField('actor.establishment', 'establishment'),
    );
    expect(await allEvents(store)).toEqual(before);
  });

  it('R-42 every unknown field is listed, before the other problems; a key left undefined says nothing', async () => {
    const { service } = await createTestServiceWithADraft(ID);
    const result = await service.execute({
      type: 'SelectProvider',
      commandId: 'several',
      actor: employer,
      dossierId: ID,
      payload: { serach: CSD_PROVIDER.siret, recherche: CSD_PROVIDER.siret },
    });
    expect(assertRefusal(result, 'FORMAT').problems.map((p) => [p.field, p.code])).toEqual([
      ['payload.serach', 'UNKNOWN_FIELD'],
      ['payload.recherche', 'UNKNOWN_FIELD'],
      ['payload.search', 'PROVIDER_SEARCH_FORMAT'],
    ]);
    const undefinedKey = await service.execute({
      type: 'TransmitDossier',
      commandId: 'undefined-payload',
      actor: employer,
      dossierId: ID,
      payload: undefined,
    });
    expect(assertLeft(undefinedKey).code).toBe('INVALID_INPUT'); // decoded, then refused by R-23
  });

  it('R-42 a huge unknown key is echoed cut, never whole', async () => {
    const { service } = await createTestServiceWithADraft(ID);
    const key = 'k'.repeat(1_000_000);
    const result = await service.execute({ ...commandOf('SaveDraft', {}), payload: { [key]: 1 } });
    expect(assertRefusal(result, 'FORMAT').problems[0].code).toBe('UNKNOWN_FIELD');
    expect(assertLeft(result).message.length).toBeLessThan(400);
  });
});
