import { describeFaults } from './suites/faults';

describeFaults('kurrentdb');
