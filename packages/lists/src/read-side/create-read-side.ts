import type { EventStore, ReactorLedger, RetryPolicy } from '@cartes-badges/eventsourcing';
import {
  createInMemoryReactorLedger,
  reactorRunnable,
  runProjectionOnce,
} from '@cartes-badges/eventsourcing';
import type { Attachments, ListQueries, ListReadModel, Notifier } from '@cartes-badges/domain';
import {
  brouillonsProjection,
  createListQueries,
  dossiersProjection,
  refusalNotificationsReactor,
  whileRebuilding,
} from '@cartes-badges/domain';
import { createInMemoryListReadModel } from '../engine/in-memory-list-read-model';
import { listsRunnable } from '../fold/lists-projection-target';
import type { SupervisedRunner, SuperviseOptions } from '@cartes-badges/eventsourcing';
import { superviseRunner } from '@cartes-badges/eventsourcing';

/** What the read side needs; the read models and the ledger default to memory. */
export interface ReadSidePorts {
  readonly store: EventStore;
  /** Scopes an employer user's lists. */
  readonly attachments: Attachments;
  /** Which provider each provider user belongs to; defaults to `attachments`. */
  readonly providerAttachments?: Attachments;
  /** Whether role `system` may list every row; off by default (as for the dossier service). */
  readonly allowSystemActor?: boolean;
  /** Where refusals are sent. */
  readonly notifier: Notifier;
  readonly readModels?: { readonly brouillons?: ListReadModel; readonly dossiers?: ListReadModel };
  /** Durable checkpoint and sent keys of the notifications reactor. */
  readonly notificationsLedger?: ReactorLedger;
  /** Retries of one notification before the runner stops and is restarted (default 5, from 100 ms). */
  readonly notificationRetry?: RetryPolicy;
  readonly runner?: SuperviseOptions;
}

/** The lists and the notifications, run over the store. */
export interface ReadSide {
  readonly brouillons: ListQueries;
  readonly dossiers: ListQueries;
  /** Catches up from the stored checkpoints, then follows live appends. */
  start(): void;
  stop(): Promise<void>;
  /** Resolves once the lists and the notifications have handled every event stored so far. */
  whenIdle(): Promise<void>;
  /** Names of the projections and reactors this instance is applying now (all of them without leases). */
  activeWorkers(): readonly string[];
  /** Wipes both lists and rebuilds them from the whole history (the notifications never replay). */
  rebuild(): Promise<void>;
}

/** Wires the Brouillons and Dossiers lists and the refusal notifications over one store. */
export function createReadSide(ports: ReadSidePorts): ReadSide {
  const brouillonsModel = ports.readModels?.brouillons ?? createInMemoryListReadModel();
  const dossiersModel = ports.readModels?.dossiers ?? createInMemoryListReadModel();
  const ledger = ports.notificationsLedger ?? createInMemoryReactorLedger();
  // Both lists on one runner: each batch is folded once for the two of them.
  const lists = listsRunnable([
    { projection: brouillonsProjection, readModel: brouillonsModel },
    { projection: dossiersProjection, readModel: dossiersModel },
  ]);
  const runnables = [
    lists,
    reactorRunnable(
      refusalNotificationsReactor({
        store: ports.store,
        notifier: ports.notifier,
        retry: ports.notificationRetry,
      }),
      ledger,
    ),
  ];
  let runners: SupervisedRunner[] = [];
  const identityOptions = {
    ...(ports.providerAttachments ? { providerAttachments: ports.providerAttachments } : {}),
    allowSystemActor: ports.allowSystemActor === true,
  };

  const start = (): void => {
    if (runners.length > 0) return;
    runners = runnables.map((runnable) => superviseRunner(ports.store, runnable, ports.runner));
  };
  const stop = async (): Promise<void> => {
    const running = runners;
    runners = [];
    await Promise.all(running.map((r) => r.stop()));
  };

  return {
    brouillons: createListQueries('brouillons', brouillonsModel, ports.attachments, identityOptions),
    dossiers: createListQueries('dossiers', dossiersModel, ports.attachments, identityOptions),
    start,
    stop,
    async whenIdle() {
      await Promise.all(runners.map((r) => r.whenIdle()));
    },
    activeWorkers: () => runnables.filter((_, i) => runners[i]?.isActive()).map((r) => r.name),
    async rebuild() {
      const wasRunning = runners.length > 0;
      await stop();
      await brouillonsModel.reset(brouillonsProjection.version);
      await dossiersModel.reset(dossiersProjection.version);
      await whileRebuilding([brouillonsModel, dossiersModel], () =>
        runProjectionOnce(ports.store, lists, { batchSize: 1000 }),
      );
      if (wasRunning) start();
    },
  };
}
