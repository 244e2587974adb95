import { describeOnRealServer } from './suites/real-server';

// Every suite the stand-in runs, on @eventstore/db-client (6.x), against EVENTSTORE_URL.
describeOnRealServer('eventstoredb');
