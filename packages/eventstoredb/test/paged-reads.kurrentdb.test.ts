import { describePagedReads } from './suites/paged-reads';

describePagedReads('kurrentdb');
