import type { EventStore, Keyring, RecordedEvent, StreamVerification } from '@cartes-badges/eventsourcing';
import { replayStream, unreadableEventOf, verifyStream } from '@cartes-badges/eventsourcing';
import type { DossierEvent, DossierState } from '@cartes-badges/domain';
import {
  documentsProgress,
  dossierStatusLabel,
  dossierStreamId,
  evolveDossier,
  formatEuros,
  initialDossierState,
  totalAmountCents,
} from '@cartes-badges/domain';
import { describeEvent, roleLabel } from './describe-event';

/** Who did it, as the timeline shows it. */
export interface TimelineActor {
  readonly role: string;
  readonly roleLabel: string;
  readonly userId: string;
  readonly siren: string | null;
  /** The SIRET the actor acted for: its own, else the dossier's establishment for an employer user. */
  readonly siret: string | null;
}

/** The state after an event, in a few words. */
export interface StateSummary {
  readonly status: DossierState['status'];
  readonly label: string;
  readonly draftNumber: number | null;
  readonly dossierNumber: string | null;
  readonly totalHt: string;
  readonly documents: string;
}

/**
 * What the hash chain proves of one event: 'intact' (it holds its place), 'broken' (the first
 * version where the chain breaks), 'unproven' (after the break: nothing proves it any more).
 */
export type ChainStanding = 'intact' | 'broken' | 'unproven';

/** A document attached in the history, with the SHA-256 its (chained) event records. */
export interface TimelineDocument {
  /** The version of the `DocumentAttached` event. */
  readonly version: number;
  readonly documentId: string;
  readonly documentType: string;
  readonly name: string;
  readonly size: number;
  readonly mediaType: string;
  readonly sha256: string;
  /** The version of the `DocumentRemoved` event that took it off, or null while attached. */
  readonly removedAtVersion: number | null;
}

/** One line of the auditor's timeline. */
export interface TimelineEntry {
  readonly version: number;
  /** When the business fact happened, as the writer said. */
  readonly occurredAt: string;
  /** When the store recorded it (both are covered by the hash). */
  readonly recordedAt: string;
  readonly type: string;
  readonly actor: TimelineActor;
  readonly description: string;
  readonly stateAfter: StateSummary;
  readonly eventId: string;
  readonly commandId: string | null;
  readonly hash: string;
  readonly prevHash: string;
  readonly chain: ChainStanding;
  /** The key that signed the event's append (metadata.keyId), or null: written unsigned. */
  readonly keyId: string | null;
  /** The signature on this event (the last of its append), in base64, or null. */
  readonly signature: string | null;
  /** The version whose signature covers this event (itself or its append's last), or null. */
  readonly signedAtVersion: number | null;
}

/** A dossier's history up to an instant (all of it by default), with the integrity of its chain. */
export interface Timeline {
  readonly dossierId: string;
  readonly streamId: string;
  /** The instant asked with --at, or null for the whole history. */
  readonly at: string | null;
  readonly entries: readonly TimelineEntry[];
  /** Every document attached up to `at`, in order, removed ones included. */
  readonly documents: readonly TimelineDocument[];
  /** The state at the end of the timeline (at `at` when given). */
  readonly state: DossierState;
  readonly summary: StateSummary;
  readonly integrity: StreamVerification;
  /** Whether `integrity` checked the signatures against a keyring (else they are only shown). */
  readonly signaturesVerified: boolean;
}

/** The state in a few words. */
export function summarise(state: DossierState): StateSummary {
  const documents = documentsProgress(state);
  return {
    status: state.status,
    label: dossierStatusLabel(state),
    draftNumber: state.draftNumber,
    dossierNumber: state.dossierNumber,
    totalHt: formatEuros(state.transmittedAmountCents ?? totalAmountCents(state.costLines)),
    documents: `${documents.provided}/${documents.required}`,
  };
}

function actorOf(event: RecordedEvent, before: DossierState, after: DossierState): TimelineActor {
  const actor = event.metadata.actor as { role: string; userId: string; siren?: string; siret?: string };
  const establishment = after.establishment ?? before.establishment;
  const siret = actor.siret ?? (actor.role === 'adherent' ? (establishment?.siret ?? null) : null);
  return {
    role: actor.role,
    roleLabel: roleLabel(actor.role),
    userId: actor.userId,
    siren: actor.siren ?? (siret ? siret.slice(0, 9) : null),
    siret,
  };
}

/** Where the chain stands at `version`, given the verification of the whole stream. */
export function chainStanding(integrity: StreamVerification, version: number): ChainStanding {
  if (integrity.ok || version < integrity.version) return 'intact';
  return version === integrity.version ? 'broken' : 'unproven';
}

function documentsOf(entries: readonly { event: RecordedEvent<DossierEvent> }[]): TimelineDocument[] {
  const documents: TimelineDocument[] = [];
  for (const { event } of entries) {
    if (event.type === 'DocumentAttached') {
      const { file } = event.data;
      documents.push({
        version: event.version,
        documentId: event.data.documentId,
        documentType: event.data.documentType,
        name: file.name,
        size: file.size,
        mediaType: file.mediaType,
        sha256: file.sha256,
        removedAtVersion: null,
      });
    } else if (event.type === 'DocumentRemoved') {
      const index = documents.findIndex(
        (d) => d.documentId === event.data.documentId && d.removedAtVersion === null,
      );
      if (index >= 0) documents[index] = { ...documents[index], removedAtVersion: event.version };
    }
  }
  return documents;
}

// Who signed each event: its key id, its own signature, and the version whose signature covers
// it (a signed append names the key on every event and signs only the last one's hash).
function signaturesOf(events: readonly RecordedEvent[]) {
  const rows = events.map((event) => {
    const { keyId, signature } = event.metadata as { keyId?: unknown; signature?: unknown };
    return {
      keyId: typeof keyId === 'string' ? keyId : null,
      signature: typeof signature === 'string' ? signature : null,
      signedAtVersion: null as number | null,
    };
  });
  let coveredBy: number | null = null;
  for (let i = rows.length - 1; i >= 0; i--) {
    if (rows[i].keyId === null) coveredBy = null;
    else if (rows[i].signature !== null) coveredBy = events[i].version;
    rows[i].signedAtVersion = rows[i].keyId === null ? null : coveredBy;
  }
  return rows;
}

/**
 * Replays the dossier's stream event by event (up to `at` when given): the auditor's timeline.
 * An event that no longer reads ends the replay there instead of failing the command: the
 * verification then names it, and the auditor still sees everything before it. With a keyring,
 * the verification also requires every event to be signed by one of its keys.
 */
export async function buildTimeline(
  store: EventStore,
  dossierId: string,
  at?: string,
  keyring?: Keyring,
): Promise<Timeline> {
  const streamId = dossierStreamId(dossierId);
  const integrity = await verifyStream(store, streamId, { keyring });
  const steps: { event: RecordedEvent<DossierEvent>; before: DossierState; after: DossierState }[] = [];
  let state = initialDossierState();
  try {
    for await (const step of replayStream<DossierEvent, DossierState>(
      store,
      evolveDossier,
      initialDossierState(),
      streamId,
      at !== undefined ? { asOf: at } : {},
    )) {
      steps.push({ event: step.event, before: state, after: step.stateAfter });
      state = step.stateAfter;
    }
  } catch (error) {
    if (integrity.ok || unreadableEventOf(error)?.streamId !== streamId) throw error;
  }
  const signatures = signaturesOf(steps.map((step) => step.event));
  const entries = steps.map(({ event, before, after }, index) => ({
    version: event.version,
    occurredAt: event.metadata.occurredAt,
    recordedAt: event.recordedAt,
    type: event.type,
    actor: actorOf(event, before, after),
    description: describeEvent(event, before),
    stateAfter: summarise(after),
    eventId: event.eventId,
    commandId: event.metadata.commandId,
    hash: event.metadata.hash,
    prevHash: event.metadata.prevHash,
    chain: chainStanding(integrity, event.version),
    ...signatures[index],
  }));
  return {
    dossierId,
    streamId,
    at: at ?? null,
    entries,
    documents: documentsOf(steps),
    state,
    summary: summarise(state),
    integrity,
    signaturesVerified: keyring !== undefined,
  };
}
