import { describeCheckpoints } from './suites/checkpoints';

describeCheckpoints('eventstoredb');
