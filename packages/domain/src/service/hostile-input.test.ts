import * as E from 'fp-ts/Either';
import { allEvents, assertRefusal, createTestServiceWithADraft, CSD_PROVIDER, employer } from '../testing';
import { assertRight } from '@cartes-badges/eventsourcing/testing';

const ID = '0b6c1f2e-5a4d-4c3b-8a29-1f0e9d8c7b6a';
const TEN_MB = 'x'.repeat(10_000_000);

const save = (payload: unknown, commandId = 'hostile') => ({
  type: 'SaveDraft',
  commandId,
  actor: employer,
  dossierId: ID,
  payload,
});

const refusal = (field: string, code: string) =>
  E.left(
    expect.objectContaining({ code: 'FORMAT', field, problems: [expect.objectContaining({ code, field })] }),
  );

describe('hostile input: a clear, bounded FORMAT error; nothing written', () => {
  it('R-08 NUL or a lone surrogate in a command id or a text is refused naming the field (no store can keep them)', async () => {
    const { service, store, before } = await createTestServiceWithADraft(ID);
    expect(await service.execute(save({ comment: 'ok' }, 'a\u0000b'))).toEqual(
      refusal('commandId', 'INVALID_CHARACTER'),
    );
    expect(await service.execute(save({ comment: 'ok' }, 'a\ud800b'))).toEqual(
      refusal('commandId', 'INVALID_CHARACTER'),
    );
    expect(await service.execute(save({ comment: 'bonjour\u0000' }))).toEqual(
      refusal('payload.comment', 'INVALID_CHARACTER'),
    );
    expect(await service.execute(save({ contactEmail: 'a\u0000@b.fr' }))).toEqual(
      refusal('payload.contactEmail', 'EMAIL_FORMAT'),
    );
    expect(
      await service.execute({
        ...save({ comment: 'ok' }),
        actor: { role: 'adherent', userId: 'amoa1\udfff' },
      }),
    ).toEqual(refusal('actor.userId', 'INVALID_CHARACTER'));
    expect(await allEvents(store)).toEqual(before);
  });

  it('R-11 lengths count characters as the user sees them: 15 emoji fit a 15-character reference', async () => {
    const { service } = await createTestServiceWithADraft(ID);
    const fifteen = await service.execute(save({ internalReference: '😀'.repeat(15) }, 'ref-15'));
    expect(assertRight(fifteen).state.internalReference).toBe('😀'.repeat(15));
    const sixteen = await service.execute(save({ internalReference: '😀'.repeat(16) }, 'ref-16'));
    expect(assertRefusal(sixteen, 'FORMAT').problems[0].message).toBe('15 caractères maximum (16 saisis)');
  });

  it('R-08 a 10 MB input is refused with a message that echoes at most a short start of it', async () => {
    const { service, store, before } = await createTestServiceWithADraft(ID);
    const cases: [unknown, string][] = [
      [save({ comment: TEN_MB }), 'payload.comment'],
      [save({ providerSearch: TEN_MB }), 'payload.providerSearch'],
      [save({ contactEmail: `${TEN_MB}@b.fr` }), 'payload.contactEmail'],
      [save({ comment: 'ok' }, TEN_MB), 'commandId'],
      [
        {
          type: 'CreateDraft',
          commandId: 'big-siret',
          actor: employer,
          payload: { siret: TEN_MB, cardType: 'CHRONO' },
        },
        'payload.siret',
      ],
      [{ ...save({}), dossierId: TEN_MB }, 'dossierId'],
      [{ type: TEN_MB }, 'type'],
    ];
    for (const [command, field] of cases) {
      const result = await service.execute(command);
      const error = assertRefusal(result, 'FORMAT');
      const message = error.message;
      // At most ECHO_LIMIT (80) characters of the input; the rest of the message is bounded text.
      expect({
        field: error.field,
        echoed: message.includes('x'.repeat(81)),
        short: message.length < 1_000,
      }).toEqual({
        field,
        echoed: false,
        short: true,
      });
      expect(JSON.stringify(error).length).toBeLessThan(2_000);
    }
    const comment = await service.execute(save({ comment: TEN_MB }));
    expect(assertRefusal(comment, 'FORMAT').problems[0].message).toBe(
      '500 caractères maximum (plus de 500 saisis)',
    );
    expect(await allEvents(store)).toEqual(before);
  });

  it('load answers a FORMAT error for a dossier id that is not a UUID (NUL included) and for a null or forged actor', async () => {
    const { service } = await createTestServiceWithADraft(ID);
    expect(await service.load('a\u0000b', employer)).toEqual(refusal('dossierId', 'NOT_UUID'));
    expect(await service.load(ID, null as never)).toEqual(
      E.left(expect.objectContaining({ code: 'FORMAT', field: 'actor' })),
    );
    expect(await service.load(ID, { role: 'adherent', userId: 'amoa1', extra: 1 } as never)).toEqual(
      refusal('actor.extra', 'UNKNOWN_FIELD'),
    );
    expect(await service.tabs(ID, null as never)).toEqual(
      E.left(expect.objectContaining({ code: 'FORMAT', field: 'actor' })),
    );
    assertRight(await service.load(ID, employer));
    assertRight(await service.execute(save({ providerSearch: CSD_PROVIDER.siret }, 'still-fine')));
  });
});
