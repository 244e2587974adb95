import { describeLeases } from './suites/leases';

describeLeases('kurrentdb');
