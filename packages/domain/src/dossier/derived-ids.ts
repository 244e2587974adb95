import { nameBasedUuids } from '@cartes-badges/eventsourcing';

// Fixed namespace of the ids this domain derives (a random v4 UUID, never to change).
const DOSSIER_UUID_NAMESPACE = '8f6d2c1a-4b7e-4e3a-9c5d-2a1b0e9f7c64';
const dossierUuid = nameBasedUuids(DOSSIER_UUID_NAMESPACE);

/**
 * the id of what a command creates, derived from its command id, so that a retried
 * command names the same dossier (or document) and cannot create a second one.
 */
export function idFromCommandId(commandId: string, purpose: 'dossier' | 'document'): string {
  return dossierUuid(`${purpose}:${commandId}`);
}

/**
 * the id of the dossier a creation command makes when the caller gives none: a
 * name-based UUID of the acting user (role and user id) and the command id. A retry by the same
 * user names the same dossier; two users (of two companies, or of one) sending the same command
 * id name two dossiers, so one never lands on the other's. Stable: never change the name's form.
 * (Until this scoping, the id came from the command id alone, `idFromCommandId`: the dossiers
 * created so keep their ids.)
 */
export function scopedDossierId(
  actor: { readonly role: string; readonly userId: string },
  commandId: string,
): string {
  return dossierUuid(`dossier-of-user:${JSON.stringify([actor.role, actor.userId, commandId])}`);
}

/** The stream of a dossier. */
export function dossierStreamId(dossierId: string): string {
  return `dossier-${dossierId}`;
}

/** The prefix of every dossier stream. */
export const DOSSIER_STREAM_PREFIX = 'dossier-';
