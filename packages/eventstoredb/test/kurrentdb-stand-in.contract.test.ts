import { runContractOnStandIn } from './suites/contract';

// The real @kurrent/kurrentdb-client (1.x), over gRPC on loopback, against the in-process stand-in.
runContractOnStandIn('kurrentdb');
