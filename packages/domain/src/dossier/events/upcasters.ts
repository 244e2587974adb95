import type { JsonValue, Upcaster } from '@cartes-badges/eventsourcing';
import { createUpcasterRegistry, isJsonArray } from '@cartes-badges/eventsourcing';

// Schema v1 of CostLinesChanged (the first portal export) kept amounts as decimal euro strings
// ("52.50"), which invites float arithmetic. v2 keeps integer cents. The conversion is done on
// the text, digit by digit, so no float ever touches an amount.
function euroTextToCents(text: JsonValue): JsonValue {
  if (typeof text !== 'string') return text === undefined ? null : text;
  const match = /^\s*(\d+)(?:[.,](\d{1,2}))?\s*$/.exec(text);
  // Leave anything else as it is: the v2 decoder then reports it, with its path.
  if (!match) return text;
  const cents = (match[2] ?? '').padEnd(2, '0');
  return Number(match[1]) * 100 + Number(cents);
}

/** CostLinesChanged v1 → v2: `unitAmount` (decimal euro text) becomes `unitAmountCents`. */
export const costLinesChangedV1ToV2: Upcaster = {
  eventType: 'CostLinesChanged',
  fromSchemaVersion: 1,
  upcast(data) {
    if (data === null || typeof data !== 'object' || isJsonArray(data) || !isJsonArray(data.lines)) {
      return { data };
    }
    const lines = data.lines.map((line) => {
      if (line === null || typeof line !== 'object' || isJsonArray(line)) return line;
      const { unitAmount, ...rest } = line;
      return { ...rest, unitAmountCents: euroTextToCents(unitAmount ?? null) };
    });
    return { data: { ...data, lines } };
  },
};

/** Every upcaster of the dossier events. */
export const DOSSIER_UPCASTERS: readonly Upcaster[] = [costLinesChangedV1ToV2];

/** The registry of dossier upcasters, to give to a store (`upcasters` option). */
export const dossierUpcasters = createUpcasterRegistry(DOSSIER_UPCASTERS);
