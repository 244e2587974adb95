import { describeOnRealServer } from './suites/real-server';

// Every suite the stand-in runs, on @kurrent/kurrentdb-client (1.x), against EVENTSTORE_URL.
describeOnRealServer('kurrentdb');
