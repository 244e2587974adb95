import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import * as path from 'node:path';
import type { EventStoreDBClient } from '../../packages/eventstoredb/node_modules/@eventstore/db-client';
import type { ClientKind } from '../../packages/eventstoredb/test/test-clients';

/**
 * Runs `work` under V8's sampling profiler (main thread, a sample every 100 µs) and writes the
 * profile to `file` (`.cpuprofile`, for profile-diff.ts); without a file, just runs it.
 */
export async function withProfile(file: string, work: () => Promise<void>): Promise<void> {
  if (!file) return work();
  const session = new Session();
  const post = <T>(method: string, params: object = {}) =>
    new Promise<T>((resolve, reject) =>
      session.post(method, params, (error, result) => (error ? reject(error) : resolve(result as T))),
    );
  session.connect();
  await post('Profiler.enable');
  await post('Profiler.setSamplingInterval', { interval: 100 });
  await post('Profiler.start');
  await work();
  const { profile } = await post<{ profile: unknown }>('Profiler.stop');
  writeFileSync(file, JSON.stringify(profile));
  session.disconnect();
}

/** The client module of that kind, from the adapter package's dependencies (one per process). */
export function clientLibrary(
  kind: ClientKind,
): typeof import('../../packages/eventstoredb/node_modules/@eventstore/db-client') {
  const packageDir = path.resolve(__dirname, '../../packages/eventstoredb');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(
    require.resolve(kind === 'kurrentdb' ? '@kurrent/kurrentdb-client' : '@eventstore/db-client', {
      paths: [packageDir],
    }),
  ) as typeof import('../../packages/eventstoredb/node_modules/@eventstore/db-client');
}

/** A raw client of that kind on the stand-in at `url` (`esdb://...`), typed as the 6.x one. */
export function rawClient(
  kind: ClientKind,
  lib: ReturnType<typeof clientLibrary>,
  url: string,
): EventStoreDBClient {
  return (
    kind === 'kurrentdb'
      ? (
          lib as unknown as { KurrentDBClient: { connectionString(url: string): EventStoreDBClient } }
        ).KurrentDBClient.connectionString(url.replace(/^esdb:/, 'kurrentdb:'))
      : lib.EventStoreDBClient.connectionString(url)
  ) as EventStoreDBClient;
}
