import { describeConcurrentAppends } from './suites/concurrent-appends';

describeConcurrentAppends('eventstoredb');
