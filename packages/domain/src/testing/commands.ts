import * as E from 'fp-ts/Either';
import type { DossierActor, DossierCommand, DossierCommandOf, DossierCommandType } from '../dossier';
import { decodeDossierCommand } from '../dossier';
import { employer } from './actors';

/** The id of the dossier most tests work on. */
export const DOSSIER_ID = '0b6c1f2e-5a4d-4c3b-8a29-1f0e9d8c7b6a';
/** The id of a second dossier. */
export const OTHER_DOSSIER_ID = '7e2d9c4b-1a3f-4e5d-9b8c-6a7f0e1d2c3b';

let sequence = 0;
/** A fresh command id (deterministic order within a test file). */
export function nextCommandId(prefix = 'cmd'): string {
  sequence += 1;
  return `${prefix}-${sequence}`;
}

/**
 * Builds a command from its parts and decodes it like any input from outside: a builder that
 * produces a malformed command fails the test at once, naming the field.
 */
export function command<K extends DossierCommandType>(
  type: K,
  parts: { actor?: DossierActor; dossierId?: string; commandId?: string; payload?: unknown } = {},
): DossierCommandOf<K> {
  const raw = {
    type,
    commandId: parts.commandId ?? nextCommandId(),
    actor: parts.actor ?? employer,
    ...(parts.dossierId !== undefined ? { dossierId: parts.dossierId } : {}),
    ...(parts.payload !== undefined ? { payload: parts.payload } : {}),
  };
  const decoded = decodeDossierCommand(raw);
  if (E.isLeft(decoded))
    throw new Error(`Test command ${type} does not decode: ${JSON.stringify(decoded.left)}`);
  return decoded.right as DossierCommandOf<K>;
}

/** A command on DOSSIER_ID by the employer unless told otherwise. */
export function onDossier<K extends DossierCommandType>(
  type: K,
  payload?: unknown,
  actor: DossierActor = employer,
  dossierId: string = DOSSIER_ID,
): DossierCommandOf<K> {
  return command(type, { actor, dossierId, ...(payload !== undefined ? { payload } : {}) });
}

/** Narrows a decoded command list element (for tables of commands). */
export type AnyCommand = DossierCommand;
