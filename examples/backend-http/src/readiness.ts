import type { EventFilter, EventStore, StoredCheckpoint } from '@cartes-badges/eventsourcing';
import { isNoChangeMarker } from '@cartes-badges/eventsourcing';

/** A projection or reactor whose progress readiness watches. */
export interface WatchedWorker {
  /** The runner's name (`brouillons+dossiers`, `presaisie-refusal-notifications`): its lease's name too. */
  readonly name: string;
  /** The events it applies. */
  readonly filter?: EventFilter;
  /** Its durable checkpoint (shared by every instance when leases are on). */
  readCheckpoint(): Promise<StoredCheckpoint | undefined>;
}

/** What readiness found for one worker. */
export interface WorkerReadiness {
  readonly name: string;
  /** Whether this instance holds the worker's lease (applies it) now. */
  readonly active: boolean;
  /** Events it has still to apply, counted up to `maxLag + 1`. */
  readonly lag: number;
  readonly behind: boolean;
}

/** The body of /readyz. */
export interface Readiness {
  readonly ready: boolean;
  readonly store: 'reachable' | 'unreachable';
  readonly draining: boolean;
  readonly maxLag: number;
  readonly workers: readonly WorkerReadiness[];
  /** Why not ready, in French (the problem's detail). */
  readonly reasons: readonly string[];
}

/** How readiness is checked. */
export interface ReadinessOptions {
  readonly store: EventStore;
  readonly workers: readonly WatchedWorker[];
  /** Names of the workers this instance applies now (the read side's `activeWorkers`). */
  readonly activeWorkers: () => readonly string[];
  readonly draining: () => boolean;
  /** Events a worker may be behind the store and the instance still ready (default 1,000). */
  readonly maxLag?: number;
  /** Longest the store may take to answer (default 2 s): a store that hangs is down. */
  readonly timeoutMs?: number;
  /** Told why the store did not answer (for the logs: the answer never carries a driver's message). */
  readonly onStoreError?: (error: unknown) => void;
}

// Counts the worker's events after its checkpoint, stopping at `limit`: the cost of a check is
// bounded by the threshold, not by the history.
async function lagOf(store: EventStore, worker: WatchedWorker, limit: number): Promise<number> {
  const checkpoint = await worker.readCheckpoint();
  let lag = 0;
  for await (const event of store.readAll({
    ...(checkpoint?.position !== undefined ? { after: checkpoint.position } : {}),
    ...(worker.filter ? { filter: worker.filter } : {}),
    maxCount: limit,
  })) {
    if (!isNoChangeMarker(event)) lag++;
  }
  return lag;
}

function withinTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Whether this instance should receive traffic: not draining, the store answers (each lag is a
 * read of it), and every projection and reactor is within `maxLag` events of the store's head,
 * whichever instance holds its lease. A lag that grows means the holder is stuck or failing.
 */
export async function checkReadiness(options: ReadinessOptions): Promise<Readiness> {
  const maxLag = options.maxLag ?? 1000;
  const active = new Set(options.activeWorkers());
  const draining = options.draining();
  const reasons: string[] = draining ? ['le service s’arrête'] : [];
  try {
    const workers = await withinTimeout(
      Promise.all(
        options.workers.map(async (worker): Promise<WorkerReadiness> => {
          const lag = await lagOf(options.store, worker, maxLag + 1);
          return { name: worker.name, active: active.has(worker.name), lag, behind: lag > maxLag };
        }),
      ),
      options.timeoutMs ?? 2000,
    );
    for (const w of workers.filter((w) => w.behind))
      reasons.push(`${w.name} a plus de ${maxLag} événements de retard`);
    return { ready: reasons.length === 0, store: 'reachable', draining, maxLag, workers, reasons };
  } catch (error) {
    options.onStoreError?.(error);
    reasons.push("la base d'événements ne répond pas");
    return { ready: false, store: 'unreachable', draining, maxLag, workers: [], reasons };
  }
}
