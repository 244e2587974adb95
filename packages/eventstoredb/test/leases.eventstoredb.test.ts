import { describeLeases } from './suites/leases';

describeLeases('eventstoredb');
