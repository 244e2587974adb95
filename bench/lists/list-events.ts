import type { RecordedEvent } from '@cartes-badges/eventsourcing';
import { GENESIS_HASH } from '@cartes-badges/eventsourcing';
import type { DossierEvent, ProviderSnapshot } from '@cartes-badges/domain';
import type { GeneratedCompany, SeededRandom } from '@cartes-badges/domain/fixtures';
import { cardTypeSnapshot, CHRONO, BTP } from '@cartes-badges/domain';

/** The workload: dossiers spread over companies, each with a realistic short life. */
export interface ListWorkload {
  readonly companies: readonly GeneratedCompany[];
  readonly providers: readonly ProviderSnapshot[];
  readonly random: SeededRandom;
}

const CARD_TYPES = [cardTypeSnapshot(CHRONO), cardTypeSnapshot(BTP)];
const MONTH_MS = 30 * 24 * 3600 * 1000;
const START = Date.parse('2025-01-06T08:00:00Z');

let position = 0n;
const monthSequence = new Map<string, number>();

// The events are given as a SQL store reads them back: each column its own flat string (as a
// driver hands it), data and metadata decoded from their JSON text. Built in memory instead,
// their strings would be joined ones that the lists would have to flatten, and equal strings
// (a company name, a card type) would be one shared object, which no store gives.
const asRead = (text: string): string => Buffer.from(text, 'latin1').toString('latin1');
const decoded = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

function recorded(
  dossierId: string,
  version: number,
  at: number,
  event: DossierEvent,
): RecordedEvent<DossierEvent> {
  position += 1n;
  const occurredAt = new Date(at).toISOString();
  return {
    type: asRead(event.type),
    data: decoded(event.data),
    streamId: asRead(`dossier-${dossierId}`),
    version,
    globalPosition: position,
    eventId: asRead(`${dossierId.slice(0, 24)}${String(version).padStart(12, '0')}`),
    recordedAt: asRead(occurredAt),
    metadata: decoded({
      actor: { role: 'adherent', userId: 'bench' },
      commandId: null,
      correlationId: null,
      causationId: null,
      schemaVersion: 1,
      occurredAt,
      prevHash: GENESIS_HASH,
      hash: GENESIS_HASH,
    }),
  } as RecordedEvent<DossierEvent>;
}

const uuidOf = (n: number): string => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

/**
 * The events of dossier `n`: created (1 in 10 a pré-saisie, accepted), its cost lines, then for
 * 3 in 4 transmission and, for some, instruction moves. 3 to 6 events each.
 */
export function dossierEvents(workload: ListWorkload, n: number): RecordedEvent<DossierEvent>[] {
  const { random } = workload;
  const company = workload.companies[n % workload.companies.length];
  const establishment = random.pick(company.establishments);
  const cardType = random.pick(CARD_TYPES);
  const id = uuidOf(n);
  let at = START + random.int(0, 10 * MONTH_MS);
  const events: RecordedEvent<DossierEvent>[] = [];
  const push = (event: DossierEvent): void => {
    events.push(recorded(id, events.length, at, event));
    at += random.int(60_000, 3 * 24 * 3600 * 1000);
  };
  const lines = [
    {
      nature: 'Achat Matériel' as const,
      unitAmountCents: cardType.code === 'CHRONO' ? 5250 : 980,
      quantity: random.int(1, 40),
    },
  ];
  if (random.next() < 0.1) {
    push({
      type: 'PresaisieSubmitted',
      data: {
        dossierId: id,
        draftNumber: (10_000 + n) as never,
        establishment: establishment as never,
        cardType,
        provider: random.pick(workload.providers) as never,
        contactEmail: null,
        costLines: lines as never,
        comment: null,
      },
    });
    push({ type: 'PresaisieAccepted', data: {} });
  } else {
    push({
      type: 'DraftCreated',
      data: {
        dossierId: id,
        draftNumber: (10_000 + n) as never,
        establishment: establishment as never,
        cardType,
      },
    });
    push({ type: 'CostLinesChanged', data: { lines: lines as never } });
  }
  if (random.next() < 0.75) {
    const month = new Date(at).toISOString().slice(2, 7).replace('-', '');
    const seq = (monthSequence.get(month) ?? 0) + 1;
    monthSequence.set(month, seq);
    push({
      type: 'Transmitted',
      data: {
        dossierNumber: `${month}AF${String(seq).padStart(6, '0')}`,
        totalAmountCents: lines[0].unitAmountCents * lines[0].quantity,
      },
    });
    if (random.next() < 0.6) push({ type: 'InstructionStarted', data: {} });
    if (events.length === 4 && random.next() < 0.5)
      push({ type: 'Granted', data: { amountGrantedCents: 100 } });
  } else if (random.next() < 0.1) {
    push({ type: 'DraftDeleted', data: {} });
  }
  return events;
}

/** Dossiers whose events are interleaved by time, as dossiers living side by side. */
const GROUP = 250;

/**
 * The events of dossiers 0 to `dossiers - 1` in the store's order, in batches of `batchSize` as a
 * subscription hands them over: each group of 250 dossiers interleaved by the time its events
 * happened, global positions 1, 2, ... given in that order. Made group by group, so that a
 * million dossiers never sit in memory at once.
 */
export function* storeOrderedBatches(
  workload: ListWorkload,
  dossiers: number,
  batchSize: number,
): Generator<RecordedEvent<DossierEvent>[]> {
  let nextPosition = 1n;
  let batch: RecordedEvent<DossierEvent>[] = [];
  for (let first = 0; first < dossiers; first += GROUP) {
    const group: RecordedEvent<DossierEvent>[] = [];
    for (let n = first; n < Math.min(dossiers, first + GROUP); n++) group.push(...dossierEvents(workload, n));
    group.sort((a, b) => (a.recordedAt < b.recordedAt ? -1 : a.recordedAt > b.recordedAt ? 1 : 0));
    for (const event of group) {
      (event as { globalPosition: bigint }).globalPosition = nextPosition++;
      batch.push(event);
      if (batch.length >= batchSize) {
        yield batch;
        batch = [];
      }
    }
  }
  if (batch.length > 0) yield batch;
}
