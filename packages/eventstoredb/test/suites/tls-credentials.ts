import type { EventToAppend } from '@cartes-badges/eventsourcing';
import { collect, scaledTimeout } from '@cartes-badges/eventsourcing/testing';
import {
  EventStoreAccessDeniedError,
  EventStoreNotAuthenticatedError,
  EventStoreUnavailableError,
} from '../../src';
import type { TestCertificates } from '../test-certificates';
import { testCertificates } from '../test-certificates';
import type { StandInStore } from '../stand-in-harness';
import { disposedAfterEachTest, STAND_IN_TARGETS, startStandInStore } from '../stand-in-harness';
import { featuresOf } from '../store-under-test';
import type { ClientKind } from '../test-clients';

const events = (count: number): EventToAppend[] =>
  Array.from({ length: count }, (_, n) => ({ type: 'Opened', data: { n } }) as EventToAppend);

// `ops` reads `$all` (as $admins and $ops do); `clerk` may only use its streams.
const users = {
  ops: { password: 'ops-secret', readsAll: true },
  clerk: { password: 'clerk-secret', readsAll: false },
};

/** A secure server: TLS with a self-signed certificate, users and passwords, on one client and both paths. */
export function describeTlsAndCredentials(client: ClientKind): void {
  jest.setTimeout(scaledTimeout(60_000));
  const track = disposedAfterEachTest();
  let certificate: TestCertificates;
  beforeAll(() => {
    certificate = testCertificates();
  });
  afterAll(() => certificate.remove());

  describe.each(STAND_IN_TARGETS.map((target) => [target.label, target] as const))(
    `${client} over TLS with credentials, %s`,
    (_label, target) => {
      /** A store on a secure stand-in, connecting as `login` (`user:password`), trusting `caFile` (null: no CA given). */
      async function start(login: string, caFile: string | null = certificate.caFile): Promise<StandInStore> {
        const started = await startStandInStore(
          { appendRetries: 2, resubscribeAttempts: 50 },
          {
            client,
            server: {
              features: featuresOf(target),
              tls: { key: certificate.key, cert: certificate.cert },
              users,
            },
            // The harness puts the settings after the stand-in's `?tls=true`.
            clientSettings: caFile ? `tlsCAFile=${encodeURIComponent(caFile)}` : undefined,
            credentials: login,
          },
        );
        return track(started);
      }

      it('a user with the right to: appends, reads its streams, reads and subscribes to $all', async () => {
        const { store } = await start('ops:ops-secret');
        const result = await store.appendToStream('dossier-1', events(3), { expectedVersion: 'no_stream' });
        expect(result.nextExpectedVersion).toBe(2);
        expect((await collect(store.readStream('dossier-1'))).map((e) => e.data)).toEqual([
          { n: 0 },
          { n: 1 },
          { n: 2 },
        ]);
        const all = await collect(store.readAll());
        expect(all.map((e) => `${e.streamId}@${e.version}`)).toEqual([
          'dossier-1@0',
          'dossier-1@1',
          'dossier-1@2',
        ]);
        const subscription = store.subscribe();
        const seen: string[] = [];
        for await (const event of subscription) {
          seen.push(`${event.streamId}@${event.version}`);
          if (seen.length === 3) break;
        }
        await subscription.close();
        expect(seen).toEqual(all.map((e) => `${e.streamId}@${e.version}`));
      });

      it('a user without $all rights gets access denied from readAll and subscribe, at once; its streams work', async () => {
        const { store } = await start('clerk:clerk-secret');
        await store.appendToStream('dossier-1', events(1));
        expect(await collect(store.readStream('dossier-1'))).toHaveLength(1);
        const read = await collect(store.readAll()).catch((error: unknown) => error);
        expect(read).toBeInstanceOf(EventStoreAccessDeniedError);
        expect((read as Error).message).toMatch(/denied access \(read \$all\)/);
        const t0 = Date.now();
        const subscribed = await collect(store.subscribe()).catch((error: unknown) => error);
        expect(subscribed).toBeInstanceOf(EventStoreAccessDeniedError);
        expect(Date.now() - t0).toBeLessThan(1_000);
      });

      it.each([
        ['a wrong password', 'ops:wrong'],
        ['an unknown user', 'nobody:ops-secret'],
      ])('%s: every call fails at once as not authenticated, nothing written', async (_name, login) => {
        const started = await start(login);
        const t0 = Date.now();
        // 'no_stream': the append is the first call (no read of the head before it).
        const append = await started.store
          .appendToStream('dossier-1', events(2), { expectedVersion: 'no_stream' })
          .catch((error: unknown) => error);
        expect(append).toBeInstanceOf(EventStoreNotAuthenticatedError);
        expect((append as Error).message).toMatch(
          /did not accept the connection's credentials \(append to dossier-1\)/,
        );
        await expect(collect(started.store.subscribe())).rejects.toBeInstanceOf(
          EventStoreNotAuthenticatedError,
        );
        for (const read of [
          () => collect(started.store.readStream('dossier-1')),
          () => collect(started.store.readAll()),
        ]) {
          const error = await read().catch((e: unknown) => e);
          if (client === 'eventstoredb') {
            expect(error).toBeInstanceOf(EventStoreNotAuthenticatedError);
          } else {
            // The 1.x client reads through a native bridge that gives neither status nor details:
            // a refused password looks like missing rights, and the message says it may be either.
            expect(error).toBeInstanceOf(EventStoreAccessDeniedError);
            expect((error as Error).message).toMatch(
              /user name or password of the connection string was refused/,
            );
          }
        }
        // Not retried as if the server were away.
        expect(Date.now() - t0).toBeLessThan(2_000);
        expect(await started.server.eventCount()).toBe(0);
      });

      it('a client that does not trust the certificate (no tlsCAFile) reaches nothing: unavailable, nothing written', async () => {
        const started = await start('ops:ops-secret', null);
        const error = await started.store
          .appendToStream('dossier-1', events(1), { expectedVersion: 'no_stream' })
          .catch((e: unknown) => e);
        expect(error).toBeInstanceOf(EventStoreUnavailableError);
        // The client's TLS error is in the message (the 1.x client's reads would only say "UnavailableError").
        expect((error as Error).message).toMatch(/certificate/i);
        expect(await started.server.eventCount()).toBe(0);
      });
    },
  );
}
