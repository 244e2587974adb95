import { createInMemoryEventStore, EventDecodeError, storedFormOf } from '@cartes-badges/eventsourcing';
import * as E from 'fp-ts/Either';
import { createTestDossierService, employer, HUM_CLICHY } from '../../testing';
import { dossierStoreOptions } from '../../service/store-options';
import { costLinesChangedV1ToV2, DOSSIER_UPCASTERS } from './upcasters';
import { assertRight } from '@cartes-badges/eventsourcing/testing';

describe('event schema versions', () => {
  it('CostLinesChanged v1 (decimal euro text) is upcast on read to v2 (integer cents); the stored event stays as written', async () => {
    const store = createInMemoryEventStore(dossierStoreOptions);
    const { service } = createTestDossierService({ store });
    const created = await service.execute({
      type: 'CreateDraft',
      commandId: 'c',
      actor: employer,
      payload: { siret: HUM_CLICHY.siret, cardType: 'CHRONO' },
    });
    const dossierId = E.isRight(created) ? created.right.dossierId : '';
    await store.appendToStream(`dossier-${dossierId}`, [
      {
        type: 'CostLinesChanged',
        data: {
          lines: [
            { nature: 'Achat Matériel', unitAmount: '52.50', quantity: 3 },
            { nature: null, unitAmount: '9,8', quantity: null },
          ],
        },
        metadata: { schemaVersion: 1, actor: employer },
      },
    ]);
    const loaded = await service.load(dossierId);
    expect(assertRight(loaded).costLines).toEqual([
      { nature: 'Achat Matériel', unitAmountCents: 5250, quantity: 3 },
      { nature: null, unitAmountCents: 980, quantity: null },
    ]);
    const stored = [];
    for await (const event of store.readStream(`dossier-${dossierId}`, { fromVersion: 1 }))
      stored.push(storedFormOf(event));
    expect(stored[0]).toEqual(
      expect.objectContaining({
        type: 'CostLinesChanged',
        data: expect.objectContaining({
          lines: [expect.objectContaining({ unitAmount: '52.50' }), expect.anything()],
        }),
      }),
    );
    expect(stored[0].metadata.schemaVersion).toBe(1);
  });

  it('a stored dossier event that does not decode is reported with its path and what was expected', async () => {
    const store = createInMemoryEventStore(dossierStoreOptions);
    await store.appendToStream('dossier-0b6c1f2e-5a4d-4c3b-8a29-1f0e9d8c7b6a', [
      { type: 'CommentChanged', data: { comment: 42 }, metadata: { actor: employer } },
    ]);
    const read = async () => {
      for await (const _event of store.readStream('dossier-0b6c1f2e-5a4d-4c3b-8a29-1f0e9d8c7b6a'))
        void _event;
    };
    await expect(read()).rejects.toThrow(EventDecodeError);
    await expect(read()).rejects.toMatchObject({
      problems: [expect.objectContaining({ path: 'data.comment' })],
    });
  });

  it('events of other streams pass through the dossier decoder unchanged', async () => {
    const store = createInMemoryEventStore(dossierStoreOptions);
    await store.appendToStream('other-1', [{ type: 'Anything', data: { x: 1 } }]);
    const events = [];
    for await (const event of store.readStream('other-1')) events.push(event.data);
    expect(events).toEqual([{ x: 1 }]);
  });
});

describe('CostLinesChanged v1 → v2, line by line', () => {
  const upcastLines = (lines: unknown) =>
    (costLinesChangedV1ToV2.upcast({ lines } as never, {} as never) as { data: { lines: unknown } }).data
      .lines;

  it('R-13 converts each decimal euro text to whole cents, digit by digit', () => {
    expect(
      upcastLines([
        { unitAmount: '52.50' },
        { unitAmount: ' 7 ' },
        { unitAmount: '0,05' },
        { unitAmount: '12,3' },
        { unitAmount: '123456789.01' },
      ]),
    ).toEqual([
      { unitAmountCents: 5250 },
      { unitAmountCents: 700 },
      { unitAmountCents: 5 },
      { unitAmountCents: 1230 },
      { unitAmountCents: 12345678901 },
    ]);
  });

  it('leaves what is not a decimal euro text as it is, for the v2 decoder to report with its path', () => {
    expect(
      upcastLines([
        { unitAmount: '52.505' },
        { unitAmount: '-3' },
        { unitAmount: '1 000' },
        { unitAmount: 52.5 },
        { unitAmount: null },
        { quantity: 2 },
      ]),
    ).toEqual([
      { unitAmountCents: '52.505' },
      { unitAmountCents: '-3' },
      { unitAmountCents: '1 000' },
      { unitAmountCents: 52.5 },
      { unitAmountCents: null },
      { quantity: 2, unitAmountCents: null },
    ]);
  });

  it('leaves lines that are not objects, and data without a list of lines, untouched', () => {
    expect(upcastLines(['ligne', null, [1], 3])).toEqual(['ligne', null, [1], 3]);
    for (const data of [null, 'x', [1], { lines: 'x' }, {}]) {
      expect(costLinesChangedV1ToV2.upcast(data as never, {} as never)).toEqual({ data });
    }
  });

  it('is the only dossier upcaster, from schema version 1', () => {
    expect(DOSSIER_UPCASTERS).toEqual([costLinesChangedV1ToV2]);
    expect([costLinesChangedV1ToV2.eventType, costLinesChangedV1ToV2.fromSchemaVersion]).toEqual([
      'CostLinesChanged',
      1,
    ]);
  });
});
