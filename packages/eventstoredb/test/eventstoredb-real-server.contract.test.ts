import { runEventStoreContract } from '@cartes-badges/eventsourcing/testing';
import { realServerHarness } from './real-server-harness';

const url = process.env.EVENTSTORE_URL;

// The same contract, unchanged, against a real server when one is given (see the package README).
jest.setTimeout(120_000);
runEventStoreContract(
  'eventstoredb (real server)',
  url
    ? realServerHarness(url)
    : {
        skip:
          'EVENTSTORE_URL is not set, so no real EventStoreDB to run against ' +
          '(the stand-in suite runs the same contract on the wire; packages/eventstoredb/README.md says how to start a server)',
        create: () => Promise.reject(new Error('skipped')),
        tamper: () => {
          throw new Error('skipped');
        },
      },
);
