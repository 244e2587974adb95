import { runContractOnStandIn } from './suites/contract';

// The real @eventstore/db-client (6.x), over gRPC on loopback, against the in-process stand-in.
runContractOnStandIn('eventstoredb');
