import { describeLeasedRunners } from './suites/leased-runners';

describeLeasedRunners('kurrentdb');
