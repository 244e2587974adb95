import type { EventStore, EventToAppend } from '@cartes-badges/eventsourcing';
import type { DossierEvent } from '@cartes-badges/domain';
import type { SeededRandom } from '@cartes-badges/domain/fixtures';
import { BTP, CHRONO, cardTypeSnapshot } from '@cartes-badges/domain';
import { generateCompanies, generateProviders } from '@cartes-badges/domain/fixtures';

// Test-only: realistic dossier histories (drafts, accepted and refused pré-saisies, deletions,
// transmissions and instruction moves), appended interleaved so that every projection batch
// spans many dossiers.

const CARD_TYPES = [cardTypeSnapshot(CHRONO), cardTypeSnapshot(BTP)];
/** The companies the histories are spread over. */
export const COMPANIES = generateCompanies(12, 7);
const PROVIDERS = generateProviders(3, 7);
const START = Date.parse('2025-01-06T08:00:00Z');

const uuidOf = (n: number): string => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

/** One dossier's events, in order, each with the instant it happened. */
export interface DossierHistory {
  readonly dossierId: string;
  readonly events: EventToAppend[];
}

/** The history of dossier `n`: 2 to 5 events. */
export function dossierHistory(random: SeededRandom, n: number): DossierHistory {
  const company = random.pick(COMPANIES);
  const establishment = random.pick(company.establishments);
  const cardType = random.pick(CARD_TYPES);
  const dossierId = uuidOf(n);
  let at = START + random.int(0, 300) * 3_600_000;
  const events: EventToAppend[] = [];
  const push = (event: DossierEvent): void => {
    events.push({ ...event, metadata: { occurredAt: new Date(at).toISOString() } } as EventToAppend);
    at += random.int(60_000, 3 * 86_400_000);
  };
  const lines = [{ nature: 'Achat Matériel', unitAmountCents: 5250, quantity: random.int(1, 40) }];
  const draftNumber = 10_000 + n;
  if (random.next() < 0.3) {
    push({
      type: 'PresaisieSubmitted',
      data: {
        dossierId,
        draftNumber,
        establishment,
        cardType,
        provider: random.pick(PROVIDERS),
        contactEmail: null,
        costLines: lines,
        comment: null,
      },
    } as never);
    if (random.next() < 0.3) {
      push({ type: 'PresaisieRefused', data: { reason: 'Pièces manquantes' } } as never);
      return { dossierId, events };
    }
    push({ type: 'PresaisieAccepted', data: {} } as never);
  } else {
    push({ type: 'DraftCreated', data: { dossierId, draftNumber, establishment, cardType } } as never);
    push({ type: 'CostLinesChanged', data: { lines } } as never);
  }
  const fate = random.next();
  if (fate < 0.6) {
    push({
      type: 'Transmitted',
      data: {
        dossierNumber: `2501AF${String(n).padStart(6, '0')}`,
        totalAmountCents: 5250 * lines[0].quantity,
      },
    } as never);
    if (random.next() < 0.5) push({ type: 'InstructionStarted', data: {} } as never);
  } else if (fate < 0.75) {
    push({ type: 'DraftDeleted', data: {} } as never);
  }
  return { dossierId, events };
}

/** Histories of dossiers `from` to `from + count - 1`. */
export function dossierHistories(random: SeededRandom, from: number, count: number): DossierHistory[] {
  return Array.from({ length: count }, (_, i) => dossierHistory(random, from + i));
}

/** Appends the histories one event at a time, picking the next dossier at random. */
export async function appendInterleaved(
  store: EventStore,
  random: SeededRandom,
  histories: readonly DossierHistory[],
): Promise<number> {
  const pending = histories.map((h) => ({
    streamId: `dossier-${h.dossierId}`,
    events: [...h.events],
    next: 0,
  }));
  let appended = 0;
  while (pending.length > 0) {
    const index = random.int(0, pending.length - 1);
    const stream = pending[index];
    await store.appendToStream(stream.streamId, [stream.events[stream.next]], {
      expectedVersion: stream.next - 1 < 0 ? 'no_stream' : stream.next - 1,
    });
    appended += 1;
    stream.next += 1;
    if (stream.next === stream.events.length) pending.splice(index, 1);
  }
  return appended;
}
