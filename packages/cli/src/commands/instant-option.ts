import { isIsoDateOrInstant } from '@cartes-badges/eventsourcing';
import { usageError } from '../errors';

/**
 * A key's date option (`--valid-from`, `--at`) as the instant the keyring records: now when
 * absent, a day alone as its midnight UTC, an instant with its offset in UTC. A time without
 * offset is refused: the keyring would then say another instant on the auditor's machine.
 */
export function instantOption(raw: string | undefined, option: string): string {
  if (raw === undefined) return new Date().toISOString();
  if (!isIsoDateOrInstant(raw))
    throw usageError(
      `${option} « ${raw} » : date ISO-8601 qui existe attendue, par ex. 2026-02-01 (minuit UTC) ou 2026-02-01T09:00:00Z ou 2026-02-01T10:00:00+01:00`,
    );
  return new Date(raw).toISOString();
}
