import { scaledTimeout } from '@cartes-badges/eventsourcing/testing';
// SIGTERM on the service as it runs (`main.ts` on PostgreSQL with leases): a command whose body
// is still arriving finishes, new requests get a 503 problem, the leases are released at once
// (not after their TTL), the process exits 0.
import * as http from 'node:http';
import { FIXTURE_ESTABLISHMENTS, FIXTURE_USERS } from '@cartes-badges/domain/fixtures';
import { describeWithPostgres, waitUntil } from '../../../packages/postgres/src/testing/helpers';
import { TEST_DATABASE_URL } from '../../../packages/postgres/src/testing/pg-available';
import { rawClient, TestSchemas } from '../../../packages/postgres/src/testing/test-schemas';
import { startService, type ServiceProcess } from '../test/service-process';

jest.setTimeout(scaledTimeout(120_000));

const claire = { 'x-user': FIXTURE_USERS.claire.id, 'content-type': 'application/json' };
// Long enough that a lease still held at exit would visibly not have expired yet.
const LEASE_TTL_MS = 60_000;

/** A POST whose body is sent in two parts, the second when the test says so. */
function slowPost(url: string, body: string) {
  const half = Math.floor(body.length / 2);
  const request = http.request(`${url}/commands`, {
    method: 'POST',
    headers: { ...claire, 'content-length': Buffer.byteLength(body) },
  });
  const response = new Promise<{ status: number; body: string }>((resolve, reject) => {
    request.on('error', reject);
    request.on('response', (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
  });
  request.write(body.slice(0, half));
  return { response, finish: () => request.end(body.slice(half)) };
}

describeWithPostgres('graceful shutdown on SIGTERM (PostgreSQL, leases)', () => {
  const schemas = new TestSchemas();
  let service: ServiceProcess | undefined;
  afterAll(async () => {
    if (service && service.child.exitCode === null) service.child.kill('SIGKILL');
    await schemas.dropAll();
  });

  it('finishes the command in flight, answers 503 to new requests, releases its leases, exits 0', async () => {
    const schema = schemas.next();
    service = await startService({
      BACKEND_DB: TEST_DATABASE_URL,
      BACKEND_SCHEMA: schema,
      LEASE_TTL_MS: String(LEASE_TTL_MS),
    });
    const db = await rawClient();
    try {
      const leases = async () =>
        (
          await db.query<{ name: string; live: boolean }>(
            `SELECT name, expires_at > clock_timestamp() AS live FROM "${schema}".worker_leases ORDER BY name`,
          )
        ).rows;
      await waitUntil(async () => (await leases()).filter((l) => l.live).length === 2, 'both leases taken');
      expect((await fetch(`${service.url}/readyz`)).status).toBe(200);

      const body = JSON.stringify({
        type: 'CreateDraft',
        commandId: 'sigterm-1',
        payload: { siret: FIXTURE_ESTABLISHMENTS.interimServicesClichy.siret, cardType: 'CHRONO' },
      });
      const slow = slowPost(service.url, body);
      await new Promise((resolve) => setTimeout(resolve, 300)); // its headers are in
      service.child.kill('SIGTERM');
      await waitUntil(() => service!.output().includes('shutting down'), 'the service to start draining');

      const refused = await fetch(`${service.url}/brouillons`, { headers: claire });
      expect([refused.status, refused.headers.get('content-type')]).toEqual([
        503,
        expect.stringMatching(/^application\/problem\+json/),
      ]);
      expect(await refused.json()).toEqual(expect.objectContaining({ code: 'SHUTTING_DOWN', status: 503 }));
      expect((await fetch(`${service.url}/readyz`)).status).toBe(503);
      expect((await fetch(`${service.url}/healthz`)).status).toBe(200);

      slow.finish();
      const answered = await slow.response;
      expect(answered.status).toBe(201);
      expect(await service.exited).toBe(0);

      const stored = await db.query(
        `SELECT count(*)::int AS n FROM "${schema}".events WHERE stream_id LIKE 'dossier-%'`,
      );
      expect(stored.rows[0].n).toBeGreaterThan(0);
      // Released, not left to expire: another instance may take them over now, not in 60 s.
      expect(await leases()).toEqual([
        { name: 'brouillons+dossiers', live: false },
        { name: 'presaisie-refusal-notifications', live: false },
      ]);
      expect(service.output()).toContain('shut down');
    } finally {
      await db.end();
    }
  });
});
