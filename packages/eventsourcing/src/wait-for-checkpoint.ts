import type { GlobalPosition } from './events';
import { isNoChangeMarker } from './no-change-marker';
import { readAllInPages } from './paged-read';
import type { Runnable } from './projection-target';
import type { EventStore } from './store';

/**
 * Resolves once the runnable's stored checkpoint reaches the last event (no-change markers
 * aside, which move no checkpoint) stored at the time of the call: how an instance that does
 * not hold the lease waits for the one that does. Polls every `intervalMs`.
 */
export async function waitForCheckpoint(
  store: EventStore,
  runnable: Runnable,
  signal: AbortSignal,
  intervalMs = 50,
): Promise<void> {
  const start = (await runnable.target.readCheckpoint())?.position;
  let goal: GlobalPosition | undefined;
  for await (const page of readAllInPages(store, { after: start, filter: runnable.filter })) {
    for (const event of page) if (!isNoChangeMarker(event)) goal = event.globalPosition;
  }
  if (goal === undefined) return;
  for (;;) {
    const position = (await runnable.target.readCheckpoint())?.position;
    if (position !== undefined && position >= goal) return;
    if (signal.aborted) throw new Error(`${runnable.name}: stopped before catching up`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
