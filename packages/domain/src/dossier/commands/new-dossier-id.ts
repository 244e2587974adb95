import { scopedDossierId } from '../derived-ids';
import type { DossierActor } from './actor';

/**
 * the id of the dossier a creation command makes: the one the caller gave, else one
 * derived from the acting user and the command id (`scopedDossierId`), so that a retry
 * targets the same stream and two users never land on the same one.
 */
export function newDossierIdOf(command: {
  readonly commandId: string;
  readonly actor: DossierActor;
  readonly dossierId?: string;
}): string {
  return command.dossierId ?? scopedDossierId(command.actor, command.commandId);
}
