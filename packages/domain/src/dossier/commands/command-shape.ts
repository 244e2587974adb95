import * as t from 'io-ts';
import { knownFieldsOnly } from '../../identifiers/known-fields';
import { CommandId, Uuid } from '../fields';
import { DossierActor } from './actor';

// every command and every payload refuses a field it does not know, naming it.

/**
 * A command that creates a dossier: the new dossier's id may be given by the caller; otherwise
 * it is derived from the command id, never drawn at random.
 */
export function creationCommand<T extends string, P extends t.Mixed>(type: T, payload: P) {
  return knownFieldsOnly(
    t.intersection([
      t.type({
        type: t.literal(type),
        commandId: CommandId,
        actor: DossierActor,
        payload: knownFieldsOnly(payload),
      }),
      t.partial({ dossierId: Uuid }),
    ]),
    type,
  );
}

/** A command on an existing dossier, with a payload. */
export function dossierCommand<T extends string, P extends t.Mixed>(type: T, payload: P) {
  return knownFieldsOnly(
    t.type({
      type: t.literal(type),
      commandId: CommandId,
      actor: DossierActor,
      dossierId: Uuid,
      payload: knownFieldsOnly(payload),
    }),
    type,
  );
}

/** A command on an existing dossier that needs nothing more than its name. */
export function bareDossierCommand<T extends string>(type: T) {
  return knownFieldsOnly(
    t.type({ type: t.literal(type), commandId: CommandId, actor: DossierActor, dossierId: Uuid }),
    type,
  );
}

/** A command on an existing dossier whose payload (all optional fields) may be left out. */
export function optionalPayloadCommand<T extends string, P extends t.Mixed>(type: T, payload: P) {
  return knownFieldsOnly(
    t.intersection([
      t.type({ type: t.literal(type), commandId: CommandId, actor: DossierActor, dossierId: Uuid }),
      t.partial({ payload: knownFieldsOnly(payload) }),
    ]),
    type,
  );
}
