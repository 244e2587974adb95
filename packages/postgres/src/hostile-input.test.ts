import * as E from 'fp-ts/Either';
import type { EventStore } from '@cartes-badges/eventsourcing';
import { dossierStoreOptions } from '@cartes-badges/domain';
import { allEvents, createTestDossierService, employer, HUM_CLICHY } from '@cartes-badges/domain/testing';
import type { PostgresEventStore } from './postgres-store';
import { describeWithPostgres } from './testing/helpers';
import { TestSchemas } from './testing/test-schemas';

// Before: each of these threw a raw driver error ("unsupported Unicode escape sequence",
// "invalid input syntax for type json", "invalid byte sequence for encoding UTF8: 0x00").
const schemas = new TestSchemas();
let store: PostgresEventStore;
beforeAll(async () => {
  if (describeWithPostgres === describe) store = await schemas.store(dossierStoreOptions);
});
afterAll(async () => {
  await store?.close();
  await schemas.dropAll();
});

describeWithPostgres('hostile input on PostgreSQL: a FORMAT error, never a driver error', () => {
  it('R-08 NUL or a lone surrogate in a command id, and NUL in a dossier id given to load', async () => {
    const { service } = createTestDossierService({ store: store as EventStore });
    for (const commandId of ['a\u0000b', 'a\ud800b']) {
      const result = await service.execute({
        type: 'CreateDraft',
        commandId,
        actor: employer,
        payload: { siret: HUM_CLICHY.siret, cardType: 'CHRONO' },
      });
      expect(result).toEqual(E.left(expect.objectContaining({ code: 'FORMAT', field: 'commandId' })));
    }
    expect(await service.load('a\u0000b', employer)).toEqual(
      E.left(expect.objectContaining({ code: 'FORMAT', field: 'dossierId' })),
    );
    expect(await allEvents(store)).toEqual([]);
  });
});
