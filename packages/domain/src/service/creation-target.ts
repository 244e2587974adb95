import type { EventStore } from '@cartes-badges/eventsourcing';
import type { DossierCommandOf } from '../dossier';
import { dossierStreamId, idFromCommandId, newDossierIdOf } from '../dossier';

type CreationCommand = DossierCommandOf<'CreateDraft' | 'SubmitPresaisie' | 'DuplicateDraft'>;

/**
 * the dossier a creation command makes. Normally the id the caller gave or the one derived
 * from the acting user and the command id (`scopedDossierId`). But a creation handled before
 * ids were scoped lives under the id of its command id alone: when that stream starts with this
 * very command id sent by this very user, the command is a retry of it and goes there (to get
 * its earlier outcome, after the usual checks), so that it never makes a second draft.
 */
export async function creationTargetOf(store: EventStore, command: CreationCommand): Promise<string> {
  const scoped = newDossierIdOf(command);
  if (command.dossierId !== undefined) return scoped;
  const legacy = idFromCommandId(command.commandId, 'dossier');
  for await (const first of store.readStream(dossierStreamId(legacy), { maxCount: 1 })) {
    const { commandId, actor } = first.metadata;
    const sameSender = actor.role === command.actor.role && actor.userId === command.actor.userId;
    return commandId === command.commandId && sameSender ? legacy : scoped;
  }
  return scoped;
}
