import { describePositions } from './suites/positions';

describePositions('eventstoredb');
