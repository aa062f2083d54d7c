// Test certificates for doubles served over TLS: a throwaway CA made with openssl, trusted only by the clients of a
// test run.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * A throwaway test CA and a server certificate signed by it for the given subject alternative names
 * (`DNS:github.com`, `IP:127.0.0.1`), made with openssl in `dir`. Clients trust the CA through `caFile`
 * (SSL_CERT_FILE for Go, NODE_EXTRA_CA_CERTS for Node).
 */
export function makeTestCertificates(
  dir: string,
  subjectAltNames: readonly string[]
): { key: Buffer; cert: Buffer; caFile: string } {
  const file = (name: string) => path.join(dir, name);
  const openssl = (args: string[]) => execFileSync('openssl', args, { stdio: 'pipe' });
  openssl([
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-days',
    '2',
    '-subj',
    '/CN=Linescope test CA',
    '-addext',
    'basicConstraints=critical,CA:TRUE',
    '-addext',
    'keyUsage=critical,keyCertSign,cRLSign',
    '-keyout',
    file('ca.key'),
    '-out',
    file('ca.pem'),
  ]);
  openssl([
    'req',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-subj',
    `/CN=${subjectAltNames[0].replace(/^\w+:/, '')}`,
    '-keyout',
    file('host.key'),
    '-out',
    file('host.csr'),
  ]);
  writeFileSync(
    file('host.ext'),
    `subjectAltName=${subjectAltNames.join(',')}\nextendedKeyUsage=serverAuth\nbasicConstraints=CA:FALSE\n`
  );
  openssl([
    'x509',
    '-req',
    '-in',
    file('host.csr'),
    '-CA',
    file('ca.pem'),
    '-CAkey',
    file('ca.key'),
    '-CAcreateserial',
    '-days',
    '2',
    '-extfile',
    file('host.ext'),
    '-out',
    file('host.pem'),
  ]);
  return { key: readFileSync(file('host.key')), cert: readFileSync(file('host.pem')), caFile: file('ca.pem') };
}
