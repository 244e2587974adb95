import { describeFaults } from './suites/faults';

describeFaults('eventstoredb');
