import { scaledTimeout } from '@cartes-badges/eventsourcing/testing';
import { runEventStoreContract } from '@cartes-badges/eventsourcing/testing';
import { postgresUnavailableReason } from './testing/pg-available';
import { tamperWithPostgresStore } from './testing/tamper';
import { TestSchemas } from './testing/test-schemas';

// A real database commits with an fsync: the contention tests take seconds, not milliseconds.
jest.setTimeout(scaledTimeout(90_000));

// Every store the suite creates gets a schema of its own, dropped when the suite ends.
const schemas = new TestSchemas();

runEventStoreContract('PostgreSQL', {
  skip: postgresUnavailableReason() ?? false,
  create: (options) => schemas.store(options),
  tamper: tamperWithPostgresStore,
  returnsAppendedEvents: true,
  teardown: () => schemas.dropAll(),
});
