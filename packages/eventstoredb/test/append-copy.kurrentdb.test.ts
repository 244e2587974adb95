import { describeAppendCopy } from './suites/append-copy';

describeAppendCopy('kurrentdb');
