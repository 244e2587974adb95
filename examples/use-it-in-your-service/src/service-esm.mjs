// An ES module project imports the CommonJS packages with named imports, as Node allows.
import { createInMemoryEventStore } from '@cartes-badges/eventsourcing';
import { createDossierService, dossierStoreOptions } from '@cartes-badges/domain';
import { createFixtureDirectories, FIXTURE_USERS } from '@cartes-badges/domain/fixtures';

const { establishmentDirectory, providerDirectory, attachments, blobStore } = createFixtureDirectories();
const service = createDossierService({
  store: createInMemoryEventStore(dossierStoreOptions),
  establishments: establishmentDirectory,
  providers: providerDirectory,
  attachments,
  blobStore,
});
// R-03: Claire is attached to a single SIRET, so she goes straight to the card type.
const choices = await service.creationChoices(FIXTURE_USERS.claire.id);
console.log(
  `esm: ${choices.step}${choices.step === 'cardType' ? ` ${choices.cardTypes.map((c) => c.code).join(',')}` : ''}`,
);
