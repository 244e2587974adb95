import { scaledTimeout } from '@cartes-badges/eventsourcing/testing';
// The service as it runs (`main.ts`, SQLite in BACKEND_DB), killed between an upload and its
// download: the attached file comes back byte for byte from the database file.
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { FIXTURE_ESTABLISHMENTS, FIXTURE_USERS, samplePdf } from '@cartes-badges/domain';

jest.setTimeout(scaledTimeout(120_000));

const repoRoot = path.resolve(__dirname, '../../..');
// tsx as a loader in the service's own process (not `tsx main.ts`, which runs it in a child):
// the SIGKILL below must reach the process that holds the database and the port.
const tsxLoader = pathToFileURL(require.resolve('tsx', { paths: [repoRoot] })).href;
const main = path.join(__dirname, 'main.ts');
const claire = { 'x-user': FIXTURE_USERS.claire.id, 'content-type': 'application/json' };

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Starts `main.ts` and resolves once it answers HTTP. */
async function startService(db: string, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', tsxLoader, main], {
    cwd: repoRoot,
    env: { ...process.env, BACKEND_DB: db, PORT: String(port) },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let err = '';
  child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the service exited: ${err}`);
    try {
      const response = await fetch(`http://127.0.0.1:${port}/brouillons`, { headers: claire });
      if (response.ok) return child;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) throw new Error(`the service did not answer within 60 s: ${err}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

function kill(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    // No chance to tidy up: whatever was acknowledged must already be on disk.
    child.kill('SIGKILL');
  });
}

let dir: string;
let service: ChildProcess | undefined;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cb-backend-restart-'));
});
afterAll(async () => {
  if (service && service.exitCode === null) await kill(service);
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the HTTP service across a restart', () => {
  it('R-20 a file uploaded before the process is killed is downloaded, identical, after it restarts', async () => {
    const db = path.join(dir, 'backend.db');
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    service = await startService(db, port);
    const post = async (body: object) => {
      const response = await fetch(`${url}/commands`, {
        method: 'POST',
        headers: claire,
        body: JSON.stringify(body),
      });
      expect(response.status).toBe(201);
      return (await response.json()) as { dossierId: string };
    };
    const { dossierId } = await post({
      type: 'CreateDraft',
      commandId: 'restart-create',
      payload: { siret: FIXTURE_ESTABLISHMENTS.interimServicesClichy.siret, cardType: 'CHRONO' },
    });
    const invoice = samplePdf('facture gardée');
    await post({
      type: 'AttachDocument',
      commandId: 'restart-attach',
      dossierId,
      payload: {
        documentType: 'Facture entreprise',
        fileName: 'facture.pdf',
        contentBase64: Buffer.from(invoice).toString('base64'),
      },
    });
    const dossier = (await (await fetch(`${url}/dossiers/${dossierId}`, { headers: claire })).json()) as {
      state: { documents: { documentId: string }[] };
    };
    const { documentId } = dossier.state.documents[0];

    await kill(service);
    service = await startService(db, port);

    const download = await fetch(`${url}/dossiers/${dossierId}/documents/${documentId}`, { headers: claire });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await download.arrayBuffer()).equals(Buffer.from(invoice))).toBe(true);
  });
});
