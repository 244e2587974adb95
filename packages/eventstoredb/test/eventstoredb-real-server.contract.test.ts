import { runContractOnRealServer } from './suites/real-server-contract';

runContractOnRealServer('eventstoredb');
