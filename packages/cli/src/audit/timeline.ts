import type { EventStore, RecordedEvent, StreamVerification } from '@cartes-badges/eventsourcing';
import { replayStream, verifyStream } from '@cartes-badges/eventsourcing';
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

/** One line of the auditor's timeline. */
export interface TimelineEntry {
  readonly version: number;
  readonly occurredAt: string;
  readonly recordedAt: string;
  readonly type: string;
  readonly actor: TimelineActor;
  readonly description: string;
  readonly stateAfter: StateSummary;
  readonly eventId: string;
  readonly commandId: string | null;
  readonly hash: string;
}

/** A dossier's history up to an instant (all of it by default), with the integrity of its chain. */
export interface Timeline {
  readonly dossierId: string;
  readonly streamId: string;
  /** The instant asked with --at, or null for the whole history. */
  readonly at: string | null;
  readonly entries: readonly TimelineEntry[];
  /** The state at the end of the timeline (at `at` when given). */
  readonly state: DossierState;
  readonly summary: StateSummary;
  readonly integrity: StreamVerification;
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

/** Replays the dossier's stream event by event (up to `at` when given): the auditor's timeline. */
export async function buildTimeline(store: EventStore, dossierId: string, at?: string): Promise<Timeline> {
  const streamId = dossierStreamId(dossierId);
  const entries: TimelineEntry[] = [];
  let state = initialDossierState();
  for await (const step of replayStream<DossierEvent, DossierState>(
    store,
    evolveDossier,
    initialDossierState(),
    streamId,
    at !== undefined ? { asOf: at } : {},
  )) {
    const event = step.event;
    entries.push({
      version: event.version,
      occurredAt: event.metadata.occurredAt,
      recordedAt: event.recordedAt,
      type: event.type,
      actor: actorOf(event, state, step.stateAfter),
      description: describeEvent(event, state),
      stateAfter: summarise(step.stateAfter),
      eventId: event.eventId,
      commandId: event.metadata.commandId,
      hash: event.metadata.hash,
    });
    state = step.stateAfter;
  }
  return {
    dossierId,
    streamId,
    at: at ?? null,
    entries,
    state,
    summary: summarise(state),
    integrity: await verifyStream(store, streamId),
  };
}
