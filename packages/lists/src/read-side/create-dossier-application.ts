import type { DossierService, DossierServicePorts } from '@cartes-badges/domain';
import { createDossierService } from '@cartes-badges/domain';
import type { ReadSide, ReadSidePorts } from './create-read-side';
import { createReadSide } from './create-read-side';

/** The whole library for an embedding application: commands, lists and notifications. */
export interface DossierApplication extends ReadSide {
  readonly service: DossierService;
}

/**
 * One call for an embedding application: the dossier service and its read side (Brouillons,
 * Dossiers, refusal notifications) over the same store and attachments. Call `start()` to
 * follow the store; `whenIdle()` before reading a list right after a command.
 */
export function createDossierApplication(
  ports: DossierServicePorts &
    Omit<ReadSidePorts, 'store' | 'attachments' | 'providerAttachments' | 'allowSystemActor'>,
): DossierApplication {
  const service = createDossierService(ports);
  const readSide = createReadSide(ports);
  return { ...readSide, service };
}
