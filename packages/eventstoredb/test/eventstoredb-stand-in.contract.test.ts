import { runEventStoreContract } from '@cartes-badges/eventsourcing/testing';
import { standInHarness } from './stand-in-harness';

// Every call goes through gRPC on loopback, client and server in this one process: the suite's
// 20-writer contention test makes some twenty thousand calls, so give it more than the default.
jest.setTimeout(120_000);

// The real @eventstore/db-client, over gRPC on loopback, against the in-process stand-in server.
runEventStoreContract('eventstoredb (stand-in)', standInHarness());
