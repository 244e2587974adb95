import { scaledTimeout } from '@cartes-badges/eventsourcing/testing';
import { createInMemoryEventStore } from '@cartes-badges/eventsourcing';
import { dossierStoreOptions } from '@cartes-badges/domain';
import { createSqliteEventStore } from '@cartes-badges/sqlite';
import { postgresUnavailableReason } from '../../packages/postgres/src/testing/pg-available';
import { TestSchemas } from '../../packages/postgres/src/testing/test-schemas';
import { tenantScenarios } from './tenant-scenarios';

// Issue 13, items 1, 2 and 4, on every store the library ships that runs here.
jest.setTimeout(scaledTimeout(60_000));

tenantScenarios('in-memory', () => Promise.resolve(createInMemoryEventStore(dossierStoreOptions)));
tenantScenarios('SQLite', () =>
  Promise.resolve(createSqliteEventStore({ path: ':memory:', ...dossierStoreOptions })),
);

const schemas = new TestSchemas();
if (postgresUnavailableReason() === undefined) {
  tenantScenarios('PostgreSQL', () => schemas.store(dossierStoreOptions));
  afterAll(() => schemas.dropAll());
} else {
  it.skip('PostgreSQL scenarios (server unreachable)', () => undefined);
}
