import type { EventStore } from '@cartes-badges/eventsourcing';
import { createInMemoryEventStore } from '@cartes-badges/eventsourcing';
import type { InMemoryBlobStore } from '../documents';
import { createInMemoryBlobStore } from '../documents';
import type { Clock, EstablishmentDirectory, ProviderDirectory } from '../ports';
import {
  createInMemoryAttachments,
  createInMemoryEstablishmentDirectory,
  createInMemoryProviderDirectory,
  fixedClock,
  sequentialIdGenerator,
} from '../ports';
import type { DossierService, RetentionPolicy } from '../service';
import { createDossierService, dossierStoreOptions } from '../service';
import {
  CSD_PROVIDER,
  HUM_CLICHY,
  HUM_LYON,
  OTHER_PROVIDER,
  SIAE_LILLE,
  TEST_ATTACHMENTS,
  TEST_PROVIDER_ATTACHMENTS,
} from './reference-data';
import { employer } from './actors';

/** A dossier service on an in-memory store, with the test reference data; parts can be replaced. */
export interface TestDossierService {
  readonly service: DossierService;
  readonly store: EventStore;
  readonly blobStore: InMemoryBlobStore;
  readonly establishments: EstablishmentDirectory;
  readonly providers: ProviderDirectory;
}

/** Builds a service for tests (clock stopped on 3 December 2025 unless given). */
export function createTestDossierService(
  options: {
    readonly store?: EventStore;
    readonly clock?: Clock;
    readonly providers?: ProviderDirectory;
    /** Lets commands and reads run as role `system` (off, as in the service). */
    readonly allowSystemActor?: boolean;
    /** The retention policy of personal data (erasure is refused without one). */
    readonly retention?: RetentionPolicy;
  } = {},
): TestDossierService {
  const store = options.store ?? createInMemoryEventStore(dossierStoreOptions);
  const blobStore = createInMemoryBlobStore();
  const establishments = createInMemoryEstablishmentDirectory([HUM_CLICHY, HUM_LYON, SIAE_LILLE]);
  const providers = options.providers ?? createInMemoryProviderDirectory([CSD_PROVIDER, OTHER_PROVIDER]);
  const service = createDossierService({
    store,
    establishments,
    providers,
    attachments: createInMemoryAttachments(TEST_ATTACHMENTS),
    providerAttachments: createInMemoryAttachments(TEST_PROVIDER_ATTACHMENTS),
    ...(options.allowSystemActor ? { allowSystemActor: true } : {}),
    ...(options.retention ? { retention: options.retention } : {}),
    blobStore,
    clock: options.clock ?? fixedClock('2025-12-03T09:30:00Z'),
    ids: sequentialIdGenerator(1),
  });
  return { service, store, blobStore, establishments, providers };
}

/** Every event of the store, in order (to check that a refused command wrote nothing). */
export async function allEvents(store: EventStore): Promise<{ streamId: string; type: string }[]> {
  const events: { streamId: string; type: string }[] = [];
  for await (const event of store.readAll()) events.push({ streamId: event.streamId, type: event.type });
  return events;
}

/**
 * A test service holding one employer's draft under `dossierId` (created with command id
 * `setup`), and the events stored then, to check that what follows writes nothing.
 */
export async function createTestServiceWithADraft(dossierId: string) {
  const test = createTestDossierService();
  const created = await test.service.execute({
    type: 'CreateDraft',
    commandId: 'setup',
    actor: employer,
    dossierId,
    payload: { siret: HUM_CLICHY.siret, cardType: 'CHRONO' },
  });
  if (created._tag === 'Left') throw new Error(`the setup draft was refused: ${created.left.message}`);
  return { ...test, before: await allEvents(test.store) };
}
