import { createInMemoryEventStore } from '@cartes-badges/eventsourcing';
import { dossierStoreOptions, fixedClock, type ProviderNotification } from '@cartes-badges/domain';
import { FIXTURE_USERS } from '@cartes-badges/domain/fixtures';
import type { FastifyInstance } from 'fastify';
import { inject } from '../test/inject';
import { switchableStore } from '../test/switchable-store';
import { submitPresaisie } from '../test/commands';
import { buildApp } from './app';

const claire = { 'x-user': FIXTURE_USERS.claire.id };
const julien = { 'x-user': FIXTURE_USERS.julien.id };

describe('GET /healthz and GET /readyz', () => {
  let app: FastifyInstance;
  const { store, setMode } = switchableStore(createInMemoryEventStore(dossierStoreOptions), () =>
    Object.assign(new Error('connect ECONNREFUSED 10.0.0.5:5432 user=admin'), { code: 'ECONNREFUSED' }),
  );
  // The refusal notifications' reactor waits on this notifier until the test lets it go.
  let releaseNotifier: () => void = () => undefined;
  const notifierBlocked = new Promise<void>((resolve) => (releaseNotifier = resolve));
  const sent: ProviderNotification[] = [];

  beforeAll(async () => {
    ({ app } = await buildApp({
      store,
      clock: fixedClock('2025-12-03T09:30:00Z'),
      maxLag: 0,
      notifier: {
        send: async (n) => {
          await notifierBlocked;
          sent.push(n);
        },
      },
    }));
    await app.ready();
  });
  afterEach(() => setMode('ok'));
  afterAll(async () => {
    releaseNotifier();
    await app.close();
  });

  it('ready when the store answers and every list and reactor is caught up; names the workers and who applies them', async () => {
    const ready = await inject(app, { method: 'GET', url: '/readyz' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual(
      expect.objectContaining({
        ready: true,
        store: 'reachable',
        draining: false,
        workers: [
          { name: 'brouillons+dossiers', active: true, lag: 0, behind: false },
          { name: 'presaisie-refusal-notifications', active: true, lag: 0, behind: false },
        ],
      }),
    );
  });

  it('the store down: /readyz is a 503 NOT_READY problem without the driver’s message; /healthz stays 200', async () => {
    setMode('down');
    const notReady = await inject(app, { method: 'GET', url: '/readyz' });
    expect([notReady.statusCode, notReady.headers['content-type']]).toEqual([
      503,
      expect.stringMatching(/^application\/problem\+json/),
    ]);
    expect(notReady.json()).toEqual(
      expect.objectContaining({
        code: 'NOT_READY',
        status: 503,
        detail: "Service pas prêt : la base d'événements ne répond pas",
        readiness: expect.objectContaining({ ready: false, store: 'unreachable' }),
      }),
    );
    expect(notReady.body).not.toMatch(/ECONNREFUSED|admin|10\.0\.0\.5/);
    expect(notReady.headers['retry-after']).toBe('1');
    const alive = await inject(app, { method: 'GET', url: '/healthz' });
    expect([alive.statusCode, alive.json()]).toEqual([200, { status: 'ok' }]);
  });

  it('a reactor behind the store (its notifier stuck) makes the instance not ready, naming it; ready again once it caught up', async () => {
    const post = (headers: Record<string, string>, body: object) =>
      inject(app, { method: 'POST', url: '/commands', headers, payload: body });
    const submitted = await post(julien, submitPresaisie('r-1'));
    expect(submitted.statusCode).toBe(201);
    // The response waits for the read side; the notifier is stuck, so it is not sent yet.
    const refusing = post(claire, {
      type: 'RefusePresaisie',
      commandId: 'r-2',
      dossierId: submitted.json().dossierId,
      payload: { reason: 'Doublon' },
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
    const behind = await inject(app, { method: 'GET', url: '/readyz' });
    expect(behind.statusCode).toBe(503);
    expect(behind.json().detail).toBe(
      'Service pas prêt : presaisie-refusal-notifications a plus de 0 événements de retard',
    );
    expect(behind.json().readiness.workers).toEqual([
      expect.objectContaining({ name: 'brouillons+dossiers', behind: false }),
      expect.objectContaining({ name: 'presaisie-refusal-notifications', lag: 1, behind: true }),
    ]);
    releaseNotifier();
    expect((await refusing).statusCode).toBe(201);
    expect(sent).toHaveLength(1);
    expect((await inject(app, { method: 'GET', url: '/readyz' })).statusCode).toBe(200);
  });
});
