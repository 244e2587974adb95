import * as t from 'io-ts';
import { CommandId, Uuid } from '../fields';
import { DossierActor } from './actor';

/**
 * A command that creates a dossier: the new dossier's id may be given by the caller; otherwise
 * it is derived from the command id, never drawn at random.
 */
export function creationCommand<T extends string, P extends t.Mixed>(type: T, payload: P) {
  return t.intersection(
    [
      t.type({ type: t.literal(type), commandId: CommandId, actor: DossierActor, payload }),
      t.partial({ dossierId: Uuid }),
    ],
    type,
  );
}

/** A command on an existing dossier, with a payload. */
export function dossierCommand<T extends string, P extends t.Mixed>(type: T, payload: P) {
  return t.type(
    { type: t.literal(type), commandId: CommandId, actor: DossierActor, dossierId: Uuid, payload },
    type,
  );
}

/** A command on an existing dossier that needs nothing more than its name. */
export function bareDossierCommand<T extends string>(type: T) {
  return t.type({ type: t.literal(type), commandId: CommandId, actor: DossierActor, dossierId: Uuid }, type);
}

/** A command on an existing dossier whose payload (all optional fields) may be left out. */
export function optionalPayloadCommand<T extends string, P extends t.Mixed>(type: T, payload: P) {
  return t.intersection(
    [
      t.type({ type: t.literal(type), commandId: CommandId, actor: DossierActor, dossierId: Uuid }),
      t.partial({ payload }),
    ],
    type,
  );
}
