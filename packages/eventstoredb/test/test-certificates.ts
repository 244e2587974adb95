import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A server's key and certificate (PEM), and the file of the CA that signed it, for `tlsCAFile`. */
export interface TestCertificates {
  readonly key: string;
  readonly cert: string;
  readonly caFile: string;
  remove(): void;
}

/**
 * Makes a fresh self-signed CA and a node certificate it signs for 127.0.0.1 and localhost, with
 * openssl (node:crypto makes keys, not X.509 certificates), as a secure EventStoreDB is set up:
 * the stand-in serves TLS with the node's, the client trusts the CA through `tlsCAFile`. A
 * self-signed certificate used directly as the server's is refused by the 1.x client's reads
 * (its Rust bridge will not take a CA certificate as a server's).
 */
export function testCertificates(): TestCertificates {
  const dir = mkdtempSync(join(tmpdir(), 'cb-esdb-tls-'));
  const file = (name: string): string => join(dir, name);
  const openssl = (...args: string[]): void => void execFileSync('openssl', args, { stdio: 'pipe' });
  const ecKey = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  openssl(
    'req',
    '-x509',
    ...ecKey,
    '-keyout',
    file('ca.key'),
    '-out',
    file('ca.pem'),
    '-days',
    '1',
    '-subj',
    '/CN=cartes-badges test CA',
  );
  openssl('req', ...ecKey, '-keyout', file('node.key'), '-out', file('node.csr'), '-subj', '/CN=localhost');
  writeFileSync(
    file('node.ext'),
    'subjectAltName=IP:127.0.0.1,DNS:localhost\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n',
  );
  // prettier-ignore
  openssl('x509', '-req', '-in', file('node.csr'), '-CA', file('ca.pem'), '-CAkey', file('ca.key'),
    '-set_serial', '1', '-days', '1', '-extfile', file('node.ext'), '-out', file('node.pem'));
  return {
    key: readFileSync(file('node.key'), 'utf8'),
    cert: readFileSync(file('node.pem'), 'utf8'),
    caFile: file('ca.pem'),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
