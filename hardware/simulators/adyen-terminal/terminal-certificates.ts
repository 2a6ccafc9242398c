import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

// A fresh CA and a terminal certificate signed by it, made with the openssl
// CLI at each start: the till must trust exactly this CA, as it trusts
// Adyen's terminal CA in a shop. The common name follows Adyen's rule
// "<model>-<serial>.test.terminal.adyen.com", which the library checks.

const run = promisify(execFile);

export type TerminalCertificates = {
  readonly caCertPem: string;
  readonly certPem: string;
  readonly keyPem: string;
};

export const SIMULATED_TERMINAL_NAME = 'V400m-346403161.test.terminal.adyen.com';

export async function makeTerminalCertificates(): Promise<TerminalCertificates> {
  const dir = await mkdtemp(join(tmpdir(), 'adyen-sim-ca-'));
  const at = (name: string) => join(dir, name);
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  try {
    await run('openssl', [
      'req',
      '-x509',
      ...ec,
      '-keyout',
      at('ca.key'),
      '-out',
      at('ca.pem'),
      '-days',
      '2',
      '-subj',
      '/CN=Simulated Adyen Terminal CA',
      '-addext',
      'basicConstraints=critical,CA:TRUE',
      '-addext',
      'keyUsage=critical,keyCertSign,cRLSign',
    ]);
    await run('openssl', [
      'req',
      ...ec,
      '-keyout',
      at('terminal.key'),
      '-out',
      at('terminal.csr'),
      '-subj',
      `/CN=${SIMULATED_TERMINAL_NAME}`,
    ]);
    await writeFile(
      at('terminal.ext'),
      'basicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\nsubjectAltName=IP:127.0.0.1\n',
    );
    await run('openssl', [
      'x509',
      '-req',
      '-in',
      at('terminal.csr'),
      '-CA',
      at('ca.pem'),
      '-CAkey',
      at('ca.key'),
      '-CAcreateserial',
      '-out',
      at('terminal.pem'),
      '-days',
      '2',
      '-extfile',
      at('terminal.ext'),
    ]);
    const [caCertPem, certPem, keyPem] = await Promise.all(
      ['ca.pem', 'terminal.pem', 'terminal.key'].map((name) => readFile(at(name), 'utf8')),
    );
    return { caCertPem: caCertPem ?? '', certPem: certPem ?? '', keyPem: keyPem ?? '' };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
