import { scaledTimeout } from '@cartes-badges/eventsourcing/testing';
// The EventStoreDB package's wire stand-in (test code): a server the real clients talk gRPC to.
import { StandInHost } from '../../../eventstoredb/test/stand-in/stand-in-thread';
import { cli } from '../test-support/spawn-cli';

jest.setTimeout(scaledTimeout(120_000));

describe('--store kurrentdb:// and esdb://', () => {
  // The stand-in lists BatchAppend: the 1.x client takes it, the adapter sends the 6.x client's
  // appends through the classic Append (its BatchAppend is unsafe under load: eventstoredb's
  // src/classic-append.ts).
  it.each([
    ['kurrentdb', '@kurrent/kurrentdb-client', 'batch'],
    ['esdb', '@eventstore/db-client', 'classic'],
  ] as const)(
    '%s:// writes the demo through %s and verifies it over the wire',
    async (scheme, _client, path) => {
      const host = await StandInHost.start();
      const server = await host.startServer();
      try {
        const store = `${scheme}://127.0.0.1:${server.port}?tls=false`;
        const demo = await cli(['demo', '--dossiers', '2', '--store', store]);
        expect(demo).toMatchObject({ code: 0, stderr: expect.stringContaining('51 commandes appliquées') });
        const verify = await cli(['verify', '--store', store]);
        expect(verify).toMatchObject({ code: 0 });
        expect(await server.eventCount()).toBeGreaterThan(10);
        const appends = await server.appendsBy();
        expect(appends[path]).toBeGreaterThan(10);
      } finally {
        await server.stop();
        await host.close();
      }
    },
  );
});
