import { describeTlsAndCredentials } from './suites/tls-credentials';

describeTlsAndCredentials('kurrentdb');
