import { DOSSIER_FIELDS, type DossierCommand } from './dossier';

/** Commands per dossier: create, 4 field updates, 4 document attachments, transmit. */
export const COMMANDS_PER_DOSSIER = 10;

/** Stream id of the i-th dossier (the same for every library). */
export const dossierStreamId = (index: number): string => `dossier-${index}`;

const BASE_TIME = Date.UTC(2024, 4, 1, 8, 0, 0);

/**
 * The `step`-th command (0..9) of the i-th dossier. Built on demand, so that no library pays
 * for holding a million commands in memory.
 */
export function dossierCommand(index: number, step: number): DossierCommand {
  const at = new Date(BASE_TIME + index * 1000 + step).toISOString();
  if (step === 0) {
    const siret = String(10_000_000_000_000 + index);
    return { type: 'CreateDossier', data: { dossierId: dossierStreamId(index), siret, createdAt: at } };
  }
  if (step <= 4) {
    const field = DOSSIER_FIELDS[step - 1];
    return { type: 'UpdateField', data: { field, value: `${field} of dossier ${index}` } };
  }
  if (step <= 8) {
    const documentId = `doc-${index}-${step - 4}`;
    return {
      type: 'AttachDocument',
      data: { documentId, fileName: `${documentId}.pdf`, sizeBytes: 100_000 + step },
    };
  }
  return { type: 'TransmitDossier', data: { transmittedAt: at } };
}
