import { ConcurrencyError, createInMemoryEventStore, StoreBusyError } from '@cartes-badges/eventsourcing';
import { dossierStoreOptions, fixedClock } from '@cartes-badges/domain';
import { FIXTURE_ESTABLISHMENTS, FIXTURE_USERS } from '@cartes-badges/domain/fixtures';
import type { FastifyInstance } from 'fastify';
import type { Response } from 'light-my-request';
import { inject, postCommand } from '../test/inject';
import { switchableStore } from '../test/switchable-store';
import { buildApp } from './app';

// Every error path answers an RFC 9457 problem: application/problem+json, the five standard
// members, the stable code, the offending field where there is one, a French detail; never a
// driver's message; nothing written.

const claire = { 'x-user': FIXTURE_USERS.claire.id };
const sophie = { 'x-user': FIXTURE_USERS.sophie.id };
const CLICHY = FIXTURE_ESTABLISHMENTS.interimServicesClichy.siret;

let failure: () => Error = () => new Error('unset');
const base = createInMemoryEventStore(dossierStoreOptions);
const { store, setMode } = switchableStore(base, () => failure());
let app: FastifyInstance;
let dossierId: string;

beforeAll(async () => {
  ({ app } = await buildApp({ store, clock: fixedClock('2025-12-03T09:30:00Z') }));
  await app.ready();
  const created = await postCommand(app, claire, {
    type: 'CreateDraft',
    commandId: 'p-0',
    payload: { siret: CLICHY, cardType: 'CHRONO' },
  });
  dossierId = created.json().dossierId;
});
afterEach(() => setMode('ok'));
afterAll(() => app.close());

async function eventCount(): Promise<number> {
  let n = 0;
  for await (const _event of base.readAll()) n++;
  return n;
}

function expectProblem(response: Response, status: number, code: string, instance: string): void {
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  const body = response.json();
  expect(body).toEqual(
    expect.objectContaining({
      type: `tag:cartes-badges,2026:problem:${code.toLowerCase().replace(/_/g, '-')}`,
      title: expect.any(String),
      status,
      detail: expect.any(String),
      instance,
      code,
    }),
  );
  expect(response.statusCode).toBe(status);
}

const comment = (commandId: string, payload: object = { comment: 'Bonjour' }) => ({
  type: 'ChangeComment',
  commandId,
  dossierId,
  payload,
});

describe('RFC 9457 problems on every error path', () => {
  it('R-08 validation: 400 FORMAT naming the field by its French label', async () => {
    const before = await eventCount();
    const response = await postCommand(app, claire, comment('p-1', { comment: 'x'.repeat(501) }));
    expectProblem(response, 400, 'FORMAT', '/commands');
    expect(response.json()).toEqual(
      expect.objectContaining({ field: 'payload.comment', detail: expect.stringMatching(/^Commentaire/) }),
    );
    expect(await eventCount()).toBe(before);
  });

  it('R-42 an unknown field: 400 FORMAT with the field and an UNKNOWN_FIELD problem', async () => {
    const response = await postCommand(app, claire, comment('p-2', { comment: 'a', commentaire: 'b' }));
    expectProblem(response, 400, 'FORMAT', '/commands');
    expect(response.json().field).toBe('payload.commentaire');
    expect(response.json().problems).toEqual([expect.objectContaining({ code: 'UNKNOWN_FIELD' })]);
  });

  it('R-04 authorisation: 401 without a known user (field x-user), 403 on another company’s dossier', async () => {
    const anonymous = await inject(app, { method: 'GET', url: `/dossiers/${dossierId}` });
    expectProblem(anonymous, 401, 'UNAUTHENTICATED', `/dossiers/${dossierId}`);
    expect(anonymous.json().field).toBe('x-user');
    const forged = await inject(app, { method: 'GET', url: '/brouillons', headers: { 'x-user': 'u-root' } });
    expectProblem(forged, 401, 'UNAUTHENTICATED', '/brouillons');
    const notYours = await postCommand(app, sophie, comment('p-3'));
    expectProblem(notYours, 403, 'NOT_AUTHORISED', '/commands');
    expect(notYours.json().detail).toMatch(/autorisé/);
    expect(notYours.body).not.toContain(CLICHY);
  });

  it('not found: an unknown dossier (DOSSIER_NOT_FOUND) and an unknown route (ROUTE_NOT_FOUND), query kept out of instance', async () => {
    const dossier = await inject(app, {
      method: 'GET',
      url: '/dossiers/6f1b9f7e-0000-4000-8000-000000000000?asOf=2025-12-01',
      headers: claire,
    });
    expectProblem(dossier, 404, 'DOSSIER_NOT_FOUND', '/dossiers/6f1b9f7e-0000-4000-8000-000000000000');
    expect(dossier.json().detail).toBe('Dossier introuvable');
    const route = await inject(app, { method: 'DELETE', url: '/dossiers?search=secret', headers: claire });
    expectProblem(route, 404, 'ROUTE_NOT_FOUND', '/dossiers');
    expect(route.body).not.toContain('secret');
  });

  it('concurrency: a conflict that outlasts the retries is a 409 CONCURRENT_CHANGE, nothing written', async () => {
    failure = () => new ConcurrencyError(`dossier-${dossierId}`, 0, 1);
    setMode('append-fails');
    const before = await eventCount();
    const response = await postCommand(app, claire, comment('p-4'));
    expectProblem(response, 409, 'CONCURRENT_CHANGE', '/commands');
    expect(response.json().detail).toMatch(/réessayer/);
    expect(await eventCount()).toBe(before);
  });

  it('store busy: 503 STORE_BUSY with Retry-After; the same command goes through once the store is free', async () => {
    failure = () => new StoreBusyError('append to stream', 5000);
    setMode('append-fails');
    const busy = await postCommand(app, claire, comment('p-5'));
    expectProblem(busy, 503, 'STORE_BUSY', '/commands');
    expect(busy.headers['retry-after']).toBe('1');
    setMode('ok');
    const retried = await postCommand(app, claire, comment('p-5'));
    expect([retried.statusCode, retried.json().alreadyHandled]).toEqual([201, false]);
  });

  it('a store failure of any other kind: 500 INTERNAL whose detail carries no driver message', async () => {
    failure = () => new Error('connection to postgres://admin:hunter2@db failed');
    setMode('append-fails');
    const response = await postCommand(app, claire, comment('p-6'));
    expectProblem(response, 500, 'INTERNAL', '/commands');
    expect(response.body).not.toMatch(/hunter2|postgres/);
  });

  it('a body that is not JSON (400 BAD_REQUEST), of another media type (415), or over the limit (413)', async () => {
    const post = (headers: Record<string, string>, payload: string) =>
      inject(app, { method: 'POST', url: '/commands', headers: { ...claire, ...headers }, payload });
    expectProblem(
      await post({ 'content-type': 'application/json' }, '{"type":'),
      400,
      'BAD_REQUEST',
      '/commands',
    );
    const text = await post({ 'content-type': 'text/plain' }, 'CreateDraft');
    expectProblem(text, 415, 'UNSUPPORTED_MEDIA_TYPE', '/commands');
    expect(text.json().field).toBe('content-type');
    const huge = await post(
      { 'content-type': 'application/json' },
      `{"x":"${'a'.repeat(29 * 1024 * 1024)}"}`,
    );
    expectProblem(huge, 413, 'PAYLOAD_TOO_LARGE', '/commands');
  });
});
