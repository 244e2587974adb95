import type { EventStore } from '@cartes-badges/eventsourcing';
import { isSealedValue, personalDataKeysOf, storedFormOf, valueAt } from '@cartes-badges/eventsourcing';
import type { DossierCommand, DossierContext, DossierError } from '../dossier';
import { DOSSIER_PERSONAL_FIELDS, dossierError, dossierStreamId, dossierSubjectOf } from '../dossier';
import type { DossierServicePorts } from './ports';

/** Options of `erasePersonalData`. */
export interface ErasureOptions {
  /** Why (kept in the erasure event): "Durée de conservation échue", a subject's request... */
  readonly reason: string;
  /** Erase before the end of the retention period; refused unless the policy allows forcing. */
  readonly force?: boolean;
  /** The command id (a retry with the same id is the same erasure); a fresh one by default. */
  readonly commandId?: string;
}

/** What an erasure did. */
export interface ErasureResult {
  readonly dossierId: string;
  /** True when this call recorded the erasure; false when it was already recorded (nothing new written). */
  readonly recorded: boolean;
  /** True when this call destroyed the key (false: it already was, by an earlier call). */
  readonly keyDestroyed: boolean;
}

/** The retention policy for `decide`, on an erasure command only. */
export function erasureContext(
  ports: DossierServicePorts,
  command: DossierCommand,
  now: Date,
): Partial<DossierContext> {
  if (command.type !== 'ErasePersonalData' || !ports.retention) return {};
  return {
    erasure: {
      now: now.toISOString(),
      retentionDays: ports.retention.retentionDays,
      allowForced: ports.retention.allowForcedErasure === true,
    },
  };
}

/** Why an erasure cannot even be tried with these ports (nothing is written then). */
export function erasureUnavailable(
  ports: DossierServicePorts,
  command: DossierCommand,
): DossierError | undefined {
  if (command.type !== 'ErasePersonalData') return undefined;
  if (!personalDataKeysOf(ports.store)) {
    return dossierError(
      'PERSONAL_DATA_NOT_PROTECTED',
      "Effacement impossible : ce service enregistre les données personnelles en clair (store non protégé par protectDossierStore) ; rien n'a été effacé",
    );
  }
  if (!ports.retention) {
    return dossierError(
      'NO_RETENTION_POLICY',
      "Effacement impossible : aucune durée de conservation n'est configurée (option retention du service) ; rien n'a été effacé",
    );
  }
  return undefined;
}

/**
 * The first personal value the dossier's stream stores in clear (written before its store was
 * protected): destroying a key cannot erase it, and stored events are never rewritten, so such
 * a dossier is refused rather than reported erased while its history still shows the value.
 */
export async function personalValueInClear(
  store: EventStore,
  dossierId: string,
): Promise<{ version: number; field: string } | undefined> {
  for await (const event of store.readStream(dossierStreamId(dossierId))) {
    const stored = storedFormOf(event);
    for (const path of DOSSIER_PERSONAL_FIELDS[stored.type as keyof typeof DOSSIER_PERSONAL_FIELDS] ?? []) {
      const value = valueAt(stored.data, path);
      if (value !== undefined && value !== null && !isSealedValue(value)) {
        return { version: stored.version, field: `${stored.type}.${path}` };
      }
    }
  }
  return undefined;
}

/** Whether the dossier has a key not yet destroyed (what the next erasure call destroys). */
export async function dossierHasKey(store: EventStore, dossierId: string): Promise<boolean> {
  const keys = personalDataKeysOf(store);
  const subject = dossierSubjectOf(dossierStreamId(dossierId));
  if (!keys || subject === undefined) return false;
  return ((await keys.keysFor([subject])).get(subject) ?? null) !== null;
}

/**
 * Destroys the dossier's key, after its PersonalDataErased event is recorded (never before: an
 * erasure nobody can account for would be lost proof). Run again on every erasure call, also a
 * no-op one, so that a process killed between the two steps is completed by the next call.
 */
export async function destroyDossierKey(store: EventStore, dossierId: string): Promise<boolean> {
  const keys = personalDataKeysOf(store);
  const subject = dossierSubjectOf(dossierStreamId(dossierId));
  if (!keys || subject === undefined) return false;
  return keys.destroy(subject);
}
