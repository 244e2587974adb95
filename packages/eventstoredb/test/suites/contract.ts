import { scaledTimeout } from '@cartes-badges/eventsourcing/testing';
import { runEventStoreContract } from '@cartes-badges/eventsourcing/testing';
import { APPEND_PATHS, closeStandInHost, standInHarness } from '../stand-in-harness';
import type { ClientKind } from '../test-clients';

/**
 * The kernel's store contract on one official client, over gRPC on loopback against the
 * in-process stand-in, once per append path (BatchAppend, classic Append). The stand-in's `$all`
 * is a real database's: system events first and a `$statsCollected` every few writes.
 */
export function runContractOnStandIn(client: ClientKind): void {
  // The suite's 20-writer contention test makes some twenty thousand calls: more than the default time.
  // Two minutes on an idle machine for the classic path; the shared CI machine can be far slower.
  jest.setTimeout(scaledTimeout(300_000));
  for (const [pathName, features] of APPEND_PATHS) {
    runEventStoreContract(
      `${client} (stand-in, ${pathName})`,
      standInHarness({ client, server: { features } }),
    );
  }
  afterAll(closeStandInHost);
}
