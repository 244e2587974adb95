import { scaledTimeout } from '@cartes-badges/eventsourcing/testing';
import { runEventStoreContract } from '@cartes-badges/eventsourcing/testing';
import { realServerHarness } from '../real-server-harness';
import type { ClientKind } from '../test-clients';

/**
 * The same contract, unchanged, against a real server when `EVENTSTORE_URL` is given (see the
 * package README), on one client; the server's features pick the append path (BatchAppend on
 * any server from 21.10 on).
 */
export function runContractOnRealServer(client: ClientKind): void {
  const url = process.env.EVENTSTORE_URL;
  jest.setTimeout(scaledTimeout(300_000));
  runEventStoreContract(
    `${client} (real server)`,
    url
      ? realServerHarness(url, client)
      : {
          skip:
            'EVENTSTORE_URL is not set, so no real EventStoreDB/KurrentDB to run against ' +
            '(the stand-in suites run the same contract on the wire; packages/eventstoredb/README.md says how to start a server)',
          create: () => Promise.reject(new Error('skipped')),
          tamper: () => {
            throw new Error('skipped');
          },
        },
  );
}
