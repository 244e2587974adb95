import { scaledTimeout } from '@cartes-badges/eventsourcing/testing';
// The service as it runs (`main.ts`, SQLite in BACKEND_DB), killed between an upload and its
// download: the attached file comes back byte for byte from the database file.
import type { ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { FIXTURE_ESTABLISHMENTS, FIXTURE_USERS, samplePdf } from '@cartes-badges/domain/fixtures';
import { startService } from '../test/service-process';

jest.setTimeout(scaledTimeout(120_000));

const claire = { 'x-user': FIXTURE_USERS.claire.id, 'content-type': 'application/json' };

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
    const first = await startService({ BACKEND_DB: db });
    service = first.child;
    const url = first.url;
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
      documents: { types: { files: { documentId: string }[] }[] };
    };
    const { documentId } = dossier.documents.types.flatMap((t) => t.files)[0];

    await kill(service);
    const second = await startService({ BACKEND_DB: db });
    service = second.child;

    const download = await fetch(`${second.url}/dossiers/${dossierId}/documents/${documentId}`, {
      headers: claire,
    });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await download.arrayBuffer()).equals(Buffer.from(invoice))).toBe(true);
  });
});
