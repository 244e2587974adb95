import { describePositions } from './suites/positions';

describePositions('kurrentdb');
