import { describeLeasedRunners } from './suites/leased-runners';

describeLeasedRunners('eventstoredb');
