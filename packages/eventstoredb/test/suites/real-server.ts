import { runEventStoreContract, scaledTimeout } from '@cartes-badges/eventsourcing/testing';
import { realServerHarness } from '../real-server-harness';
import type { Target } from '../store-under-test';
import { unlessSkipped } from '../store-under-test';
import type { ClientKind } from '../test-clients';
import { describeCheckpoints } from './checkpoints';
import { describeFaults } from './faults';
import { describeLeasedRunners } from './leased-runners';
import { describeLeases } from './leases';
import { describeLostAppend } from './lost-append';
import { describePagedReads } from './paged-reads';
import { describePositions } from './positions';

/**
 * Why the real-server suites do not run here, if they do not. No server can be installed where
 * CI runs, so under CI=true they are skipped too (the stand-in suites run the same tests there).
 */
function notRunBecause(): string | undefined {
  if (process.env.EVENTSTORE_URL) return undefined;
  return (
    'EVENTSTORE_URL is not set, so there is no real EventStoreDB/KurrentDB to run against' +
    (process.env.CI === 'true' ? ' (CI has no such server: the stand-in suites run the same tests)' : '') +
    '; docs/stores.md says how to start one'
  );
}

/**
 * Everything the stand-in runs, against the real server of `EVENTSTORE_URL`, on one client: the
 * kernel's contract and the faults, paged-reads, checkpoints, positions, lost-append, leases and
 * leased-runners suites,
 * each store in a namespace of its own, plus the default (un-namespaced) store over a database
 * full of system events. The server's features pick the append path (BatchAppend from 21.10 on).
 * Tests that need the stand-in's controls (injected faults, restarts) are reported skipped.
 */
export function describeOnRealServer(client: ClientKind): void {
  const url = process.env.EVENTSTORE_URL;
  jest.setTimeout(scaledTimeout(300_000));
  const title = `EventStoreDB suites on a real server (${client})`;
  const reason = notRunBecause();
  if (reason !== undefined || !url) {
    // Reported, not run: a placeholder, since the suites would connect while being declared.
    unlessSkipped(title, reason, () => {
      it('runs the contract and the faults, paged-reads, checkpoints, positions, lost-append, leases and leased-runners suites', () =>
        undefined);
    });
    return;
  }
  const target: Target = { kind: 'real-server', label: 'real server', url };
  describe(title, () => {
    runEventStoreContract(`${client} (real server)`, realServerHarness(url, client));
    describeFaults(client, [target]);
    describePagedReads(client, [target]);
    describeCheckpoints(client, [target]);
    describePositions(client, [target]);
    describeLostAppend(client, [target]);
    describeLeases(client, [target]);
    describeLeasedRunners(client, [target]);
  });
}
