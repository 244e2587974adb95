import { createHash } from 'node:crypto';
import type { JsonValue } from '@cartes-badges/eventsourcing';
import { canonicalJson } from '@cartes-badges/eventsourcing';
import type { DossierCommand } from './dossier-command';

const sha256Hex = (bytes: Uint8Array | string): string => createHash('sha256').update(bytes).digest('hex');

// The JSON a payload stands for: bytes (a file's content) by their SHA-256, absent and
// undefined keys alike left out, so that the same command always gives the same text.
function fingerprintValue(value: unknown): JsonValue {
  if (value instanceof Uint8Array) return { sha256: sha256Hex(value) };
  if (Array.isArray(value)) return value.map(fingerprintValue);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, JsonValue> = {};
    for (const [key, field] of Object.entries(value)) {
      if (field !== undefined) out[key] = fingerprintValue(field);
    }
    return out;
  }
  return value === undefined ? null : (value as JsonValue);
}

/**
 * what makes a command the one it is, for the kernel's same-command check: SHA-256 of the
 * canonical JSON of its type, the dossier id it names (if any) and its payload. The actor and
 * the command id are left out: a retry is the same command from the same caller, and who may
 * have its earlier outcome is checked apart (reading rights).
 */
export function commandFingerprint(command: DossierCommand): string {
  const { type, payload } = command as { type: string; payload?: unknown };
  const dossierId = (command as { dossierId?: string }).dossierId ?? null;
  return sha256Hex(canonicalJson(fingerprintValue({ type, dossierId, payload: payload ?? null })));
}
