import { idFromCommandId } from '../derived-ids';

/**
 * the id of the dossier a creation command makes: the one the caller gave, else one
 * derived from the command id (so a retry targets the same stream).
 */
export function newDossierIdOf(command: { readonly commandId: string; readonly dossierId?: string }): string {
  return command.dossierId ?? idFromCommandId(command.commandId, 'dossier');
}
