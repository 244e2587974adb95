import { describeLostAppend } from './suites/lost-append';

describeLostAppend('kurrentdb');
