import { describeCheckpoints } from './suites/checkpoints';

describeCheckpoints('kurrentdb');
