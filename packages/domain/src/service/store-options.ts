import type { EventStoreOptions } from '@cartes-badges/eventsourcing';
import { dossierEventDecoder } from '../dossier/event-decoder';
import { dossierUpcasters } from '../dossier/events/upcasters';

/** The store options this domain needs: its upcasters and its decoder (pass to any store factory). */
export const dossierStoreOptions: Pick<EventStoreOptions, 'upcasters' | 'decoder'> = {
  upcasters: dossierUpcasters,
  decoder: dossierEventDecoder,
};
